/**
 * Preloaded (`node --expose-gc -r dist/bench/heap-probe.js …`) into a server under test: on the
 * IPC message 'heap' it collects garbage twice and answers `process.memoryUsage().heapUsed`, so the
 * benchmark can weigh what each connected socket costs the server.
 */
const gc = (globalThis as { gc?: () => void }).gc;

process.on('message', (message: unknown) => {
  if (message !== 'heap' || !process.send) return;
  gc?.();
  gc?.();
  process.send({ heapUsed: process.memoryUsage().heapUsed, gc: Boolean(gc) });
});
// The IPC channel must not keep a server alive that would otherwise exit.
process.channel?.unref();
