import { Foundation1764150000000 } from './1764150000000-Foundation';

/** The linear migration history, oldest first. New migrations are appended here (the webpack bundle needs explicit imports). */
export const migrations = [Foundation1764150000000];
