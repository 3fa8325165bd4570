/** What the server knows about one firm of a campaign; the chamber sees `started`/`submitted` only when `sharing`. */
export interface FirmActivity {
  sharing: boolean;
  started: boolean;
  submitted: boolean;
}

export interface ParticipationCounts {
  started: number;
  submitted: number;
  /** Joined firms whose status the chamber may see (they share it and still belong to the chamber). */
  sharingFirms: number;
  /** False when the firms that do not share their status are left out of `started`/`submitted` (see below). */
  complete: boolean;
}

/**
 * Started/submitted counts of a campaign without revealing the status of any firm that does not share it.
 * Sharing firms always count. The others count only as a group, and only when at least `k` of them did and at least
 * `k` did not do each step: otherwise a count (e.g. "1 of 1 submitted", or "all 7 started") would tell the chamber
 * what an individual firm did. When they are left out, `complete` is false and the UI says so.
 */
export function participationCounts(firms: FirmActivity[], k: number): ParticipationCounts {
  const shared = firms.filter((f) => f.sharing);
  const others = firms.filter((f) => !f.sharing);
  const count = (list: FirmActivity[], key: 'started' | 'submitted') => list.filter((f) => f[key]).length;
  const safe = (key: 'started' | 'submitted') => {
    const did = count(others, key);
    return did >= k && others.length - did >= k;
  };
  const complete = others.length === 0 || (safe('started') && safe('submitted'));
  const pick = complete ? firms : shared;
  return {
    started: count(pick, 'started'),
    submitted: count(pick, 'submitted'),
    sharingFirms: shared.length,
    complete,
  };
}
