// Helpers for the web libraries' component specs (import from '@scs/web/core/testing'; never from app code).
import type { HttpRequest } from '@angular/common/http';
import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';

/** One macrotask: lets pending promises and timers of zero delay run. */
export const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** The request matching `match` once the component has sent it (change detection runs in between). */
export async function nextRequest(
  fixture: ComponentFixture<unknown>,
  http: HttpTestingController,
  match: (r: HttpRequest<unknown>) => boolean,
): Promise<TestRequest> {
  for (let i = 0; i < 50; i++) {
    fixture.detectChanges();
    await tick();
    const found = http.match(match);
    if (found[0]) return found[0];
  }
  throw new Error('request not sent');
}

/** Lets pending promises and change detection settle. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await tick();
    fixture.detectChanges();
  }
  await fixture.whenStable();
}

/** The text of an element with whitespace collapsed. */
export const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
