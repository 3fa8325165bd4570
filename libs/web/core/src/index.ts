export * from './lib/api';
export * from './lib/i18n';
export { IcuTranspiler } from './lib/icu';
export * from './lib/language.service';
export * from './lib/session.service';
export * from './lib/auth-refresh.interceptor';
export * from './lib/language.interceptor';
export * from './lib/acting-for';
