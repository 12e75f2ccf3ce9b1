import { Injectable } from '@nestjs/common';
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { DomainError, DomainErrorCode } from '@cb/domain';

/** zxcvbn's scale is 0-4; 3 means "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSWORD_SCORE = 3;

/** What the password must not be built from: the account's own e-mail, name and company. */
export interface PasswordContext {
  email?: string | null;
  name?: string | null;
  company?: string | null;
}

const normalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The password rule of every place a password is set (sign-up, invitation, reset, change): at least 10
 * characters (the DTOs), a zxcvbn score of 3 or more with its common-password and English dictionaries, and
 * never containing the e-mail address, its local part, the person's name or the company name.
 */
@Injectable()
export class PasswordPolicy {
  private zxcvbn: ZxcvbnFactory | null = null;

  /** Throws a 400 `weak_password` problem naming the reason. */
  assertAcceptable(password: string, context: PasswordContext): void {
    const reason = this.weakness(password, context);
    if (reason) {
      throw new DomainError(DomainErrorCode.WeakPassword, `The password is too weak: ${reason}`, [
        { field: 'password', message: reason },
      ]);
    }
  }

  /** The reason the password is refused, or null when it is acceptable. */
  weakness(password: string, context: PasswordContext): string | null {
    const { whole, words } = personalInputs(context);
    const pw = normalize(password);
    const own = whole.find((input) => input.length >= 3 && pw.includes(input));
    if (own) return 'it must not contain your e-mail address, your name or the company name';
    const result = this.estimator().check(password, [...whole, ...words]);
    if (result.score >= MIN_PASSWORD_SCORE) return null;
    return describe(result);
  }

  private estimator(): ZxcvbnFactory {
    // Built once: loading the dictionaries takes a moment.
    this.zxcvbn ??= new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    return this.zxcvbn;
  }
}

/** `whole`: the e-mail, its local part, the name and the company as written; `words`: their longer words. */
function personalInputs(context: PasswordContext): { whole: string[]; words: string[] } {
  const whole = new Set<string>();
  const words = new Set<string>();
  const email = context.email ? normalize(context.email) : '';
  if (email) {
    whole.add(email);
    const local = email.split('@')[0] ?? '';
    if (local) whole.add(local);
  }
  for (const value of [context.name, context.company]) {
    if (!value) continue;
    const v = normalize(value);
    whole.add(v);
    // "Nordic Widgets Oy": zxcvbn also penalises its distinctive words.
    for (const word of v.split(/[\s,.&@-]+/)) if (word.length >= 4) words.add(word);
  }
  return { whole: [...whole].filter(Boolean), words: [...words] };
}

function describe(result: ZxcvbnResult): string {
  const warning = result.feedback.warning?.replace(/\.$/, '');
  const hint = result.feedback.suggestions[0]?.replace(/\.$/, '');
  const parts = ['it is too easy to guess', warning, hint].filter(Boolean);
  return parts.join('. ').replace(/^./, (c) => c.toLowerCase());
}
