// The console line that says the first row is drawn: how bench/run.mjs hears it (it imports this
// module too, so nothing here touches the page until called).
export const FIRST_ROW = "bench: first row";

// Records, in window.__bench, when the first row is in the DOM at a frame (it paints in that frame).
export function watchFirstRow(findRow, startMark) {
  window.__bench = {};
  const check = () => {
    if (findRow()) {
      const start = performance.getEntriesByName(startMark)[0];
      performance.mark("first-row"); // for the bench's trace of the main thread
      window.__bench = { firstRowMs: performance.now(), fromStartMs: start ? performance.now() - start.startTime : null };
      console.info(FIRST_ROW); // how the bench hears it, without a script of its own in the page
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
}

/** Frame times while scrolling `scroller` down by `stepPx` a frame (at most `steps` times, or to the
 *  end): from each scroll to the end of the frame that renders it. */
globalThis.__scrollFrames = (scroller, stepPx, steps) => {
  const frames = [];
  let scrolledAt = 0;
  scroller.addEventListener("scroll", () => { scrolledAt = performance.now(); });
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { if (scrolledAt) frames.push(performance.now() - scrolledAt); scrolledAt = 0; };
  return new Promise((resolve) => {
    let left = steps;
    const step = () => {
      if (left-- <= 0 || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return resolve(frames);
      scroller.scrollTop += stepPx;
      channel.port2.postMessage(0);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
};
