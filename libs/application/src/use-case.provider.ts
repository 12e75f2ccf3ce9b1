import type { FactoryProvider, InjectionToken } from '@nestjs/common';

/** A dependency token: the class itself (checked against the constructor's parameter type) or a symbol. */
type Dependency<T> = (abstract new (...args: never[]) => T) | symbol;

/**
 * Registers a plain class (no Nest decorators) as a provider: its dependencies are listed once, in
 * constructor order, and a class token is type-checked against the constructor's parameter. Symbols (the
 * ports STORAGE and MAILER, and APP_CONFIG for a use case's settings) are not checked. Use cases stay
 * framework-free; this is the only place that knows how they are wired.
 */
export function provide<T, A extends unknown[]>(
  cls: new (...args: A) => T,
  inject: { [K in keyof A]: Dependency<A[K]> },
): FactoryProvider<T> {
  return {
    provide: cls,
    inject: inject as unknown as InjectionToken[],
    useFactory: (...deps: unknown[]) => new cls(...(deps as A)),
  };
}
