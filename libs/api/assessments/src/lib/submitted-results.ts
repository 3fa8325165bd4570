import type { ScoreResult } from '@scs/shared/scoring';

/** At most this many characters of result JSON are remembered per process (a result is 50–150 kB of JSON). */
const MAX_CHARS = 40_000_000;

/**
 * Results of submitted assessments remembered per process. A submitted result does not change (only submit writes one,
 * in the statement that makes the assessment submitted), and the key holds the row version (PostgreSQL's `xmin`, new
 * with every update of the row), so a row changed anyway (another process, a data fix in SQL) is simply read again. Each is 50–150 kB of JSON that submit's view, the result page, the report and the
 * next assessment's "since last time" would otherwise read from PostgreSQL, decode and parse again.
 *
 * Entries are plain JSON values, exactly what the database returns (parsed from the stored text, not the scorer's
 * objects, whose texts are the catalogue's own objects with their translations attached), bounded by their total JSON
 * length, oldest out first. Read only: callers must not change them.
 */
export class SubmittedResults {
  private readonly entries = new Map<string, { result: ScoreResult; chars: number }>();
  private chars = 0;

  constructor(private readonly maxChars = MAX_CHARS) {}

  /** The key of a submitted assessment's result: its id and the row version (`xmin`) it was read or written with. */
  static key(id: string, rowVersion: string): string {
    return `${id}@${rowVersion}`;
  }

  get(key: string): ScoreResult | undefined {
    return this.entries.get(key)?.result;
  }

  /** Parses `json` (the stored text of a result), remembers it under `key` and returns it. */
  remember(key: string, json: string): ScoreResult {
    const result = JSON.parse(json) as ScoreResult;
    if (json.length > this.maxChars) return result;
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.chars -= known.chars;
    }
    while (this.chars + json.length > this.maxChars) {
      const [oldest, entry] = this.entries.entries().next().value as [string, { chars: number }];
      this.entries.delete(oldest);
      this.chars -= entry.chars;
    }
    this.entries.set(key, { result, chars: json.length });
    this.chars += json.length;
    return result;
  }

  /** Remembered entries and their JSON characters (for tests). */
  get size(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.chars };
  }
}
