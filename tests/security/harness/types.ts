import type { Fixture } from './fixtures';
import type { ActorKey, World } from './world';

export type Outcome = 'allowed' | 'refused';
export type ProbeContext = { world: World; a: Fixture; b: Fixture };

/**
 * How to attack one action. The input always aims at client A1's data in practice A (ids of the
 * victim's rows come from `ctx.a`). Who may attempt it comes from the permission map; among those,
 * `entitled` names the actors whose call with this very input must succeed; every other actor must be
 * refused with nothing changed. Because the entitled calls run last, on the same state, a refusal
 * cannot be put down to a broken input.
 */
export type ActionProbe = {
  entitled: readonly ActorKey[] | 'every-permitted-role';
  input: (ctx: ProbeContext) => Record<string, unknown>;
  /** Only for actions without a permission (sign-in, sign-out): the whole row, stated. */
  expect?: Partial<Record<ActorKey, Outcome>>;
  /** Who the fuzzer calls the action as, and from what valid input it mutates (defaults: first entitled, `input`). */
  fuzzAs?: ActorKey;
  fuzzInput?: (ctx: ProbeContext) => Record<string, unknown>;
  /** Why this probe looks the way it does, when that is not obvious. */
  note?: string;
};

export type PageOutcome = 'ok' | 'login' | 'notFound' | `redirect:${string}`;

export type PageExpectation = {
  params?: (ctx: ProbeContext) => Record<string, string>;
  searchParams?: Record<string, string | string[]>;
  expect: Record<ActorKey, PageOutcome>;
};
