import { redactPath } from './log-redaction';

describe('redactPath: what a request log may show of a URL', () => {
  it('replaces a calendar feed token, with or without .ics', () => {
    expect(redactPath('/calendar/3q2-Vb_abcdefghijklmnopqrstuv.ics')).toBe(
      '/calendar/[redacted].ics',
    );
    expect(redactPath('/calendar/3q2-Vb_abcdefghijklmnopqrstuv')).toBe('/calendar/[redacted]');
    expect(redactPath('/calendar/3q2-Vb_abcdefghijklmnopqrstuv.ics?x=1')).toBe(
      '/calendar/[redacted].ics',
    );
  });

  it('drops query strings and leaves other paths alone', () => {
    expect(redactPath('/v1/contracts?q=secret')).toBe('/v1/contracts');
    expect(redactPath('/v1/calendar-feed')).toBe('/v1/calendar-feed');
  });
});
