import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_PERMISSIONS } from '../../nav';
import { fakeDesk, json } from '../../testing/fakeDesk';
import { AdminScreen } from './Admin';
import { DeskSettingsScreen } from './DeskSettings';
import { PeopleScreen, keycloakLinks } from './People';
import { RatingScalesScreen } from './RatingScales';
import { TipChannelsScreen } from './TipChannels';
import { WebhooksScreen } from './Webhooks';

const ADMIN = { permissions: { ...NO_PERMISSIONS, administer: true } };
const page = <T,>(items: T[], next: string | null = null) => json({ items, total: items.length, totalExact: true, page: 0, size: 200, next });
const problem = (detail: string, status = 400) => json({ title: 'Bad Request', detail }, status, 'application/problem+json');

const SCALES = [
  { id: 1, name: 'Five steps', active: true, bestRating: 5, worstRating: 1, version: 0, ratings: [
    { id: 11, position: 1, label: 'False', definition: 'Not accurate.', value: 1 },
    { id: 12, position: 2, label: 'True', definition: 'Accurate.', value: 5 },
  ] },
  { id: 2, name: 'Old', active: false, bestRating: null, worstRating: null, version: 0, ratings: [
    { id: 21, position: 1, label: 'Unproven', definition: 'Cannot tell.', value: null },
  ] },
];

afterEach(cleanup);

describe('AdminScreen', () => {
  it('links its sections and marks the current one', async () => {
    const fake = fakeDesk((_m, url) => (url.startsWith('/api/rating-scales') ? page(SCALES) : undefined), ADMIN);
    render(<AdminScreen section="nonsense" />, { wrapper: fake.wrapper });
    const nav = screen.getByRole('navigation', { name: 'Administration' });
    expect(within(nav).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(
      ['#/admin/rating-scales', '#/admin/webhooks', '#/admin/tip-channels', '#/admin/settings', '#/admin/people']);
    expect(within(nav).getByRole('link', { name: 'Rating scales' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('heading', { name: 'Rating scales' })).toBeTruthy();
  });
});

describe('RatingScalesScreen', () => {
  function setup() {
    const fake = fakeDesk((method, url, body) => {
      if (method === 'GET' && url.startsWith('/api/rating-scales')) return page(SCALES);
      if (method === 'POST' && url === '/api/rating-scales/2/activate') return json({ ...SCALES[1], active: true });
      if (method === 'POST' && url === '/api/rating-scales') {
        const b = body as { ratings: { label: string }[] };
        return b.ratings.length > 2 ? problem("Field 'ratings[2].label' must not be blank.") : json({ ...SCALES[0], id: 3 }, 201);
      }
      return undefined;
    }, ADMIN);
    render(<RatingScalesScreen />, { wrapper: fake.wrapper });
    return fake;
  }

  it('lists scales with their ratings and activates an inactive one', async () => {
    const fake = setup();
    expect(await screen.findByRole('heading', { name: /Five steps.*Active/ })).toBeTruthy();
    expect(screen.getByText('Cannot tell.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Activate “Five steps”' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Activate “Old”' }));
    expect(await screen.findByText('“Old” is now the active scale.')).toBeTruthy();
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/rating-scales/2/activate', body: undefined }]);
  });

  it('edits a scale as a new one, sends it, and shows the server\u2019s refusal next to the form', async () => {
    const fake = setup();
    await screen.findByRole('heading', { name: /Five steps/ });
    fireEvent.click(screen.getAllByRole('button', { name: 'Edit as a new scale' })[0]);
    const form = screen.getByRole('form', { name: 'New scale from “Five steps”' });
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Five steps (new)');
    fireEvent.change(within(form).getAllByLabelText('Label')[1], { target: { value: 'Accurate' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a rating' }));
    // Blank after trimming: the browser's `required` lets it through, the server refuses it.
    fireEvent.change(within(form).getAllByLabelText('Label')[2], { target: { value: ' ' } });
    fireEvent.change(within(form).getAllByLabelText('Definition')[2], { target: { value: 'Something.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create scale' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe("Field 'ratings[2].label' must not be blank.");
    expect(alert.closest('[aria-live]')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Remove rating 3' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create scale' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: /New scale/ })).toBeNull());
    expect(fake.writes()[1]).toEqual({ method: 'POST', url: '/api/rating-scales', body: { name: 'Five steps (new)', ratings: [
      { label: 'False', definition: 'Not accurate.', value: 1 },
      { label: 'Accurate', definition: 'Accurate.', value: 5 },
    ] } });
  });
});

describe('TipChannelsScreen', () => {
  const channel = { id: 3, name: 'whatsapp-bot', replyUrl: 'https://bot.example/replies', active: true, createdAt: '2026-01-01T10:00:00Z', secret: null };

  function setup(register?: () => Response) {
    const fake = fakeDesk((method, url) => {
      if (method === 'GET' && url.startsWith('/api/tip-channels?')) return page([channel, { ...channel, id: 2, name: 'old-bot', active: false }]);
      if (method === 'POST' && url === '/api/tip-channels') {
        return register ? register() : json({ ...channel, id: 4, name: 'telegram-bot', secret: 'whsec_shown_once' }, 201);
      }
      if (method === 'POST' && url === '/api/tip-channels/3/deactivate') return json({ ...channel, active: false });
      return undefined;
    }, ADMIN);
    render(<TipChannelsScreen />, { wrapper: fake.wrapper });
    return fake;
  }

  it('lists channels, registers one and shows its secret once', async () => {
    const fake = setup();
    expect(await screen.findByText('whatsapp-bot')).toBeTruthy();
    expect(screen.getByText('Deactivated')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Deactivate/ })).toHaveLength(1); // only the active one
    fireEvent.change(screen.getByLabelText('Name (lower-case letters, digits, hyphens)'), { target: { value: ' telegram-bot ' } });
    fireEvent.change(screen.getByLabelText('Reply URL (https)'), { target: { value: 'https://tg.example/replies' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('whsec_shown_once')).toBeTruthy();
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/tip-channels',
      body: { name: 'telegram-bot', replyUrl: 'https://tg.example/replies' } }]);
    fireEvent.click(screen.getByRole('button', { name: 'I have copied the secret' }));
    expect(screen.queryByText('whsec_shown_once')).toBeNull();
  });

  it("shows the server's refusal of a name", async () => {
    setup(() => problem('A tip channel named \'whatsapp-bot\' exists already (active or not); choose another name.', 409));
    await screen.findByText('whatsapp-bot');
    fireEvent.change(screen.getByLabelText('Name (lower-case letters, digits, hyphens)'), { target: { value: 'whatsapp-bot' } });
    fireEvent.change(screen.getByLabelText('Reply URL (https)'), { target: { value: 'https://bot.example/replies' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText(/exists already/)).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('deactivates a channel after asking', async () => {
    const fake = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate whatsapp-bot…' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Deactivate tip channel?' })).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(fake.writes().map((w) => `${w.method} ${w.url}`)).toEqual(['POST /api/tip-channels/3/deactivate']));
  });
});

describe('WebhooksScreen', () => {
  const endpoint = { id: 5, url: 'https://partner.example/hook', events: ['fact-check.published'], active: true, createdAt: '2026-01-01T10:00:00Z', secret: null };
  const delivery = { id: 9, messageId: 'msg_1', eventType: 'fact-check.published', ticketId: 12, status: 'FAILED', attempts: 4,
    nextAttemptAt: null, lastStatus: 500, lastError: 'Server error', createdAt: '2026-01-02T10:00:00Z', deliveredAt: null };

  function setup() {
    const fake = fakeDesk((method, url) => {
      if (method === 'GET' && url.startsWith('/api/webhooks?')) return page([endpoint]);
      if (method === 'GET' && url.startsWith('/api/webhooks/5/deliveries')) return url.includes('after=') ? page([]) : page([delivery], 'c1');
      if (method === 'POST' && url === '/api/webhooks') return json({ ...endpoint, id: 6, url: 'https://new.example/hook', secret: 'whsec_abc' }, 201);
      if (method === 'POST' && url === '/api/webhooks/deliveries/9/resend') return json({ ...delivery, status: 'PENDING' });
      if (method === 'DELETE' && url === '/api/webhooks/5') return new Response(null, { status: 204 });
      return undefined;
    }, ADMIN);
    render(<WebhooksScreen />, { wrapper: fake.wrapper });
    return fake;
  }

  it('registers an endpoint for the chosen events and shows its secret once', async () => {
    const fake = setup();
    await screen.findByText('https://partner.example/hook');
    fireEvent.change(screen.getByLabelText('Endpoint URL (https)'), { target: { value: 'https://new.example/hook' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'fact-check.retracted' }));
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('whsec_abc')).toBeTruthy();
    expect(fake.writes()).toEqual([{ method: 'POST', url: '/api/webhooks',
      body: { url: 'https://new.example/hook', events: ['fact-check.published', 'fact-check.corrected'] } }]);
  });

  it('shows deliveries with status and attempts, resends one, pages on, and deactivates after asking', async () => {
    const fake = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Show deliveries' }));
    const row = (await screen.findByText('#12')).closest('tr')!;
    expect(within(row).getByText('Failed')).toBeTruthy();
    expect(within(row).getByText('4')).toBeTruthy();
    expect(row.textContent).toContain('500 Server error');
    fireEvent.click(within(row).getByRole('button', { name: 'Resend delivery 9' }));
    expect(await screen.findByText('Delivery 9 queued again (Pending).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Older deliveries' }));
    expect(await screen.findByText('Nothing delivered yet.')).toBeTruthy();
    expect(fake.requests()).toContain('GET /api/webhooks/5/deliveries?size=25&after=c1');

    fireEvent.click(screen.getByRole('button', { name: 'Deactivate…' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Deactivate webhook?' })).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(fake.writes().map((w) => `${w.method} ${w.url}`)).toEqual([
      'POST /api/webhooks/deliveries/9/resend', 'DELETE /api/webhooks/5']));
  });
});

const SETTINGS = { timeZone: 'Europe/Berlin', maxInProgress: 3, allowPrivateWebhookTargets: false, tipAutoAnswer: false,
  tipAutoAnswerThreshold: 0.8, tipContactRetentionDays: 30, candidatesPerArticle: 10 };

describe('DeskSettingsScreen', () => {
  it('saves the form with the version read and shows the server\u2019s problem next to it', async () => {
    let fail = true;
    const fake = fakeDesk((method, url) => {
      if (method === 'GET' && url === '/api/settings') return json({ ...SETTINGS, version: 4 });
      if (method === 'PUT' && url === '/api/settings') {
        if (fail) { fail = false; return problem("Field 'timeZone': 'Mars/Base' is not a time zone."); }
        return json({ ...SETTINGS, timeZone: 'Europe/Lisbon', maxInProgress: 5, version: 5 });
      }
      return undefined;
    }, ADMIN);
    render(<DeskSettingsScreen />, { wrapper: fake.wrapper });
    const zone = await screen.findByLabelText('Time zone (IANA, e.g. Europe/Berlin)');
    fireEvent.change(zone, { target: { value: 'Mars/Base' } });
    fireEvent.change(screen.getByLabelText(/Most tickets one fact-checker/), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe("Field 'timeZone': 'Mars/Base' is not a time zone.");
    expect(alert.closest('[aria-live]')).toBeTruthy();
    fireEvent.change(zone, { target: { value: 'Europe/Lisbon' } });
    fireEvent.change(screen.getByLabelText(/Candidate claims proposed per article/), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(fake.writes()[1]).toEqual({ method: 'PUT', url: '/api/settings',
      body: { timeZone: 'Europe/Lisbon', maxInProgress: 5, allowPrivateWebhookTargets: false, tipAutoAnswer: false,
        tipAutoAnswerThreshold: 0.8, tipContactRetentionDays: 30, candidatesPerArticle: 25, version: 4 } });
  });

  it('turns automatic answers to tips on with their threshold and sets how long contacts are kept', async () => {
    const fake = fakeDesk((method, url) => {
      if (method === 'GET' && url === '/api/settings') return json({ ...SETTINGS, version: 7 });
      if (method === 'PUT' && url === '/api/settings') return json({ ...SETTINGS, tipAutoAnswer: true, tipAutoAnswerThreshold: 0.9, tipContactRetentionDays: 7, version: 8 });
      return undefined;
    }, ADMIN);
    render(<DeskSettingsScreen />, { wrapper: fake.wrapper });
    const group = within(await screen.findByRole('group', { name: 'Tips from the public' }));
    const auto = group.getByRole('checkbox', { name: /Answer a tip at once/ }) as HTMLInputElement;
    expect(auto.checked).toBe(false);
    fireEvent.click(auto);
    fireEvent.change(group.getByLabelText(/How alike a tip/), { target: { value: '0.9' } });
    fireEvent.change(group.getByLabelText(/Days a requester/), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(fake.writes()).toEqual([{ method: 'PUT', url: '/api/settings',
      body: { timeZone: 'Europe/Berlin', maxInProgress: 3, allowPrivateWebhookTargets: false, tipAutoAnswer: true,
        tipAutoAnswerThreshold: 0.9, tipContactRetentionDays: 7, candidatesPerArticle: 10, version: 7 } }]);
  });
});

describe('PeopleScreen', () => {
  it('lists the roster with roles, says Keycloak manages them and links its console', async () => {
    const fake = fakeDesk((_m, url) => {
      if (url === '/api/people') return json({ items: [{ subject: 's1', username: 'alice', name: 'Alice A', roles: ['factchecker', 'reviewer'] }], total: 1, totalExact: true, page: 0, size: 1, fetchedAt: '2026-01-01T10:00:00Z', stale: true });
      if (url === '/config.json') return json({ oidcAuthority: 'https://sso.example/realms/desk', oidcClientId: 'factdesk-web', publicBaseUrl: null });
      return undefined;
    }, ADMIN);
    render(<PeopleScreen />, { wrapper: fake.wrapper });
    const row = (await screen.findByText('Alice A')).closest('tr')!;
    expect(row.textContent).toContain('factchecker, reviewer');
    expect(screen.getByRole('status').textContent).toContain('Keycloak could not be reached');
    expect(screen.getByText(/managed in Keycloak/)).toBeTruthy();
    expect((await screen.findByRole('link', { name: "Open the realm's admin console" })).getAttribute('href'))
      .toBe('https://sso.example/admin/desk/console/#/desk/users');
  });

  it('finds the consoles only for a Keycloak realm', () => {
    expect(keycloakLinks('http://localhost:8180/realms/factdesk/')).toEqual({
      admin: 'http://localhost:8180/admin/factdesk/console/#/factdesk/users', account: 'http://localhost:8180/realms/factdesk/account' });
    expect(keycloakLinks('https://login.example.com/oauth2')).toBeNull();
    expect(keycloakLinks(null)).toBeNull();
  });
});
