import { startTestApp, type TestApp } from '../support/app';
import { chamberSetup, levelCountsOf, overallOf, type ChamberSetup, type MemberFirm } from '../support/chamber-members';

const K = 5;

// Attack 1 (issue 15): the chamber takes its member aggregates, lets one member submit (or revoke), takes them again:
// n2·mean2 − n1·mean1 of the `*` row of means-by-size is that firm's score; small-category counts give its level.
describe("attack 1: differencing the chamber's member aggregates around one submission or revocation", () => {
  let t: TestApp;
  let c: ChamberSetup;
  let target: MemberFirm;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000', RESEARCH_K: String(K) });
    c = await chamberSetup(t, 'AHK Differencing');
    for (let i = 0; i < 6; i++) await c.share(await c.addFirm(`owner@diff-member${i}.test`, 'mixed'));
    target = await c.addFirm('owner@diff-target.test', null);
    await c.share(target);
    c.nextQuarter(); // a period closes: the chamber's release is cut
  }, 240_000);
  afterAll(() => t?.close());

  /** What the attacker recovers from two snapshots: the new firm's overall score, and which level count grew. */
  function difference(before: ReturnType<typeof overallOf>, after: ReturnType<typeof overallOf>, sign: 1 | -1) {
    if (
      before.n === null ||
      after.n === null ||
      before.mean === null ||
      after.mean === null ||
      after.n - before.n !== sign
    )
      return null;
    return sign * (after.n * after.mean - before.n * before.mean);
  }

  it('recovers nothing about a firm that submits between two snapshots, in the same period or the next', async () => {
    const first = await c.aggregates();
    const a = overallOf(first);
    target.assessmentId = await c.submit(target, 'worst');
    const sameQuarter = await c.aggregates();
    c.nextQuarter();
    const nextQuarter = await c.aggregates();
    const truth = await c.truth(target);
    const levelsBefore = levelCountsOf(first);
    for (const [label, view] of [
      ['same period', sameQuarter],
      ['next period', nextQuarter],
    ] as const) {
      const b = overallOf(view);
      const recovered = difference(a, b, 1);
      const levelsAfter = levelCountsOf(view);
      const grown = Object.keys(levelsAfter).filter((k) => (levelsAfter[k] ?? 0) > (levelsBefore[k] ?? 0));
      console.log(
        `[attack 1] submit, ${label}: n ${a.n} -> ${b.n}, mean ${a.display} -> ${b.display}; recovered score ${recovered === null ? 'nothing' : recovered.toFixed(2)} (true ${truth.overall}); level counts that grew: ${grown.join(', ') || 'none'} (true level ${truth.level})`,
      );
      expect(recovered).toBeNull();
      expect(grown).toEqual([]);
    }
  }, 120_000);

  it('recovers nothing about a firm that revokes its chamber consent between two snapshots', async () => {
    const before = await c.aggregates();
    await c.share(target, false);
    const sameQuarter = await c.aggregates();
    c.nextQuarter();
    const nextQuarter = await c.aggregates();
    const truth = await c.truth(target);
    for (const [label, view] of [
      ['same period', sameQuarter],
      ['next period', nextQuarter],
    ] as const) {
      const recovered = difference(overallOf(before), overallOf(view), -1);
      console.log(
        `[attack 1] revoke, ${label}: n ${overallOf(before).n} -> ${overallOf(view).n}, mean ${overallOf(before).display} -> ${overallOf(view).display}; recovered score ${recovered === null ? 'nothing' : recovered.toFixed(2)} (true ${truth.overall})`,
      );
      expect(recovered).toBeNull();
    }
  }, 120_000);
});
