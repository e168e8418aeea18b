// The V8 flags the command line runs with (its shebang: scripts/build.mjs), and the bench's growth
// measure with them. A 64 MB young generation: on a 3 MB page the default one is collected about
// 70 times per run, and each collection costs more as jsdom's heap grows; with it, a quarter of
// that. The pipeline's own work per paragraph is the same either way.
export const CLI_NODE_FLAGS = ['--max-semi-space-size=64'];
