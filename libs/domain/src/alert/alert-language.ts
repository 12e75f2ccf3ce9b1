/** The languages alert and digest e-mails are written in; the tenant chooses one in its alert settings. */
export const ALERT_LANGUAGES = ['en', 'fi', 'sv'] as const;

export type AlertLanguage = (typeof ALERT_LANGUAGES)[number];

/** English until the tenant chooses otherwise: a stored row never changes language by itself. */
export const DEFAULT_ALERT_LANGUAGE: AlertLanguage = 'en';

export function isAlertLanguage(value: unknown): value is AlertLanguage {
  return typeof value === 'string' && (ALERT_LANGUAGES as readonly string[]).includes(value);
}
