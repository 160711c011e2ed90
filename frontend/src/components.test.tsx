import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Claimant, PublicationFailure } from './components';

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

describe('PublicationFailure', () => {
  const shownFor = (publicationFailures: number) =>
    render(<PublicationFailure ticket={{ publicationFailures, lastPublicationError: 'The page store refused it' }} />).container.textContent;

  it('stays quiet before the third failure', () => {
    expect(shownFor(0)).toBe('');
    expect(shownFor(2)).toBe('');
  });

  it('shows the failures and the last error from the third on', () => {
    expect(shownFor(3)).toBe('Scheduled publication failed 3 times: The page store refused it');
  });
});

describe('enum values in words', () => {
  it('never shows a status or a kind raw', async () => {
    const { enumText, statusText } = await import('./components');
    expect(statusText('IN_REVIEW')).toBe('In review');
    expect(statusText('SOME_NEW_STATE')).toBe('Some new state');
    expect(enumText('VAGUE_ATTRIBUTION')).toBe('Vague attribution');
  });
});
