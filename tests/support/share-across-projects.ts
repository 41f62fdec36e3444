// One piece of global setup shared by several vitest projects (vitest.config.ts splits each
// suite into a shared-process project and an isolated one for files that mock modules):
// made by the first project's setup, disposed of after the last project's teardown. Global
// setup runs in vitest's main process, so the sharing is through globalThis.
interface Shared<T> {
  made: Promise<{ value: T; dispose: () => unknown }>;
  users: number;
}
const registry = ((globalThis as { __digitalRoadmapTestShared?: Map<string, Shared<unknown>> }).__digitalRoadmapTestShared ??= new Map());

export async function shareAcrossProjects<T>(key: string, make: () => Promise<{ value: T; dispose: () => unknown }>): Promise<{ value: T; release: () => Promise<void> }> {
  let shared = registry.get(key) as Shared<T> | undefined;
  if (!shared) {
    shared = { made: make(), users: 0 };
    registry.set(key, shared as Shared<unknown>);
  }
  shared.users += 1;
  const entry = shared;
  const { value } = await entry.made;
  let released = false;
  return {
    value,
    release: async () => {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users > 0) return;
      registry.delete(key);
      await (await entry.made).dispose();
    },
  };
}
