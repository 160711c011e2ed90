import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangesRequested, Claimant, Highlighted, PublicationFailure } from './components';

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

describe('Highlighted explanations', () => {
  const text = 'Officials reportedly said the bridge cost 40 million.';
  const spans = [
    { start: 0, end: text.length, kind: 'candidate', title: 'Candidate 1' },
    { start: 10, end: 20, kind: 'signal', title: 'A hedge: the claim is not attributed' },
  ];
  const explain = (marks: { kind: string; title?: string }[]) => marks.find((m) => m.kind === 'signal')?.title;

  it('a sourcing signal is a button that shows and hides its explanation (keyboard and touch, not only hover)', async () => {
    const user = userEvent.setup();
    const { container } = render(<p><Highlighted text={text} spans={spans} explain={explain} /></p>);
    expect(container.textContent).toBe(text);
    const toggle = screen.getByRole('button', { name: 'reportedly' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('note')).toBeNull();

    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const note = screen.getByRole('note');
    expect(note.textContent).toBe('A hedge: the claim is not attributed');
    expect(toggle.getAttribute('aria-controls')).toBe(note.id);

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('note')).toBeNull();
    // The candidate's own mark keeps its tooltip and is no button.
    expect(screen.getAllByRole('button')).toHaveLength(1);
    expect(container.querySelector('mark[title="Candidate 1"]')?.textContent).toBe('Officials ');
  });

  it('without explain, marks stay plain marks', () => {
    render(<p><Highlighted text={text} spans={spans} /></p>);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('ChangesRequested', () => {
  it('flags work sent back in words, and nothing otherwise', () => {
    expect(render(<ChangesRequested ticket={{ changesRequested: true }} />).container.textContent).toBe('Changes requested');
    cleanup();
    expect(render(<ChangesRequested ticket={{ changesRequested: false }} />).container.textContent).toBe('');
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
