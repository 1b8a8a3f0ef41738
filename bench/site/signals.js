// What the bench's pages say to bench/run.mjs (imported by both): their console line once the
// first row is drawn.
export const FIRST_ROW = "bench: first row";
