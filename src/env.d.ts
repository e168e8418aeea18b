/** Compile-time constants set by scripts/build.mjs (esbuild define). */
declare const __E2E__: boolean;
declare const __VERSION__: string;
