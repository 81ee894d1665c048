import type { Clock } from "../../core/kernel/mod.ts";

/** The wall clock. The only place outside tests that asks the machine for the time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
