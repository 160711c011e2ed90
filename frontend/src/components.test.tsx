import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Claimant } from './components';

afterEach(cleanup);

const shown = (claim: { claimant: string | null; claimantErased?: string | null }, timeZone = 'Europe/Berlin') =>
  render(<Claimant claim={claim} timeZone={timeZone} />).container.textContent;

describe('Claimant', () => {
  it('shows the name while there is one', () => {
    expect(shown({ claimant: 'Mayor', claimantErased: null })).toBe('Mayor');
  });

  it('says when an erased claimant was removed: a date as that day, an instant in the desk zone', () => {
    expect(shown({ claimant: null, claimantErased: '2026-03-04' }, 'America/Los_Angeles')).toBe('(removed 4 Mar 2026)');
    expect(shown({ claimant: null, claimantErased: '2026-03-04T23:30:00Z' }, 'Europe/Berlin')).toBe('(removed 5 Mar 2026)');
  });

  it('shows a dash when there never was a claimant', () => {
    expect(shown({ claimant: null })).toBe('—');
  });
});
