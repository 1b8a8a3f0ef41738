// Records, in window.__bench, when the first row is in the DOM at a frame (it paints in that frame).
export function watchFirstRow(findRow, startMark) {
  window.__bench = {};
  const check = () => {
    if (findRow()) {
      const start = performance.getEntriesByName(startMark)[0];
      window.__bench = { firstRowMs: performance.now(), fromStartMs: start ? performance.now() - start.startTime : null };
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
}
