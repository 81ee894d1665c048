import { DomainError } from "../../kernel/mod.ts";

/**
 * A state machine as a table: for each state, the events it accepts and the state each leads
 * to. A state missing an event is an illegal move and throws a DomainError of kind "conflict".
 */
export type TransitionTable<S extends string, E extends string> = Readonly<Record<S, Partial<Readonly<Record<E, S>>>>>;

export function nextState<S extends string, E extends string>(
  table: TransitionTable<S, E>,
  from: S,
  event: E,
  context: { readonly ruleId: string; readonly what: string },
): S {
  const to = table[from]?.[event];
  if (to === undefined) {
    throw new DomainError(`${context.what} in state ${from} cannot ${event.replaceAll("_", " ")}`, {
      ruleId: context.ruleId,
      kind: "conflict",
      field: "state",
      detail: { state: from, event },
    });
  }
  return to;
}

/** Events a state accepts (for pages that show the possible next steps). */
export function eventsFrom<S extends string, E extends string>(table: TransitionTable<S, E>, from: S): E[] {
  return Object.keys(table[from] ?? {}) as E[];
}
