// The platform admin area (lazy route /admin): read-only lists of organisations, people, mails, catalogue versions,
// the audit log and research exports.
export { adminRoutes } from './lib/admin.routes';
