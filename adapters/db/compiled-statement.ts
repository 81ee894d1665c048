import { type Compilable, CompiledQuery } from "kysely";
import type { AnyDb } from "./create-database.ts";

/** A placeholder kysely compiles as a parameter; it names the value that takes its place. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A statement kysely builds and compiles once (the first time it is needed), then executed with
 * new values in the same places. Building and compiling a query costs tens of microseconds of
 * CPU — per statement, per call — on a hot path that sends the same statement text every time.
 * `build` receives `slot(name)` to put where a value goes; every parameter of the compiled query
 * must be a slot (checked on compiling), so no value is frozen into the text by accident.
 * Both drivers (postgres.js and PGlite) compile with kysely's Postgres compiler, so the text is
 * the same on either.
 */
export class CompiledStatement<K extends string> {
  readonly #build: (db: AnyDb, slot: (name: K) => unknown) => Compilable;
  #text: string | undefined;
  #names: readonly K[] = [];

  constructor(build: (db: AnyDb, slot: (name: K) => unknown) => Compilable) {
    this.#build = build;
  }

  /** The compiled query with `values` in the slots' places (the text is compiled on first use). */
  bind(db: AnyDb, values: Readonly<Record<K, unknown>>, prefix = ""): CompiledQuery {
    if (this.#text === undefined) this.#compile(db);
    return CompiledQuery.raw(
      prefix + (this.#text as string),
      this.#names.map((n) => values[n]),
    );
  }

  /** The statement text (compiled on first use), e.g. for a benchmark script. */
  text(db: AnyDb): string {
    if (this.#text === undefined) this.#compile(db);
    return this.#text as string;
  }

  #compile(db: AnyDb): void {
    const compiled = this.#build(db, (name) => new Slot(name)).compile();
    this.#names = compiled.parameters.map((p) => {
      if (!(p instanceof Slot)) throw new TypeError(`compiled statement: a parameter is not a slot: ${String(p)}`);
      return p.name as K;
    });
    this.#text = compiled.sql;
  }
}
