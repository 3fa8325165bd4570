// Shared Jest setup for Angular projects: zoneless test environment plus the browser APIs jsdom lacks
// (ResizeObserver/IntersectionObserver for charts and @defer, canvas text measurement for echarts).
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({ errorOnUnknownElements: true, errorOnUnknownProperties: true });

class NoopObserver {
  observe(): void {
    /* jsdom has no layout */
  }
  unobserve(): void {
    /* nothing observed */
  }
  disconnect(): void {
    /* nothing to release */
  }
}
const g = globalThis as unknown as Record<string, unknown>;
g['ResizeObserver'] ??= NoopObserver;
g['IntersectionObserver'] ??= NoopObserver;
HTMLCanvasElement.prototype.getContext = (() => ({
  font: '',
  measureText: (t: string) => ({ width: t.length * 7 }),
})) as never;
