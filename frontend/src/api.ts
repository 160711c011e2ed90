// The API client: relative URLs on the same origin, bearer token, problem+json errors.
import type {
  AcceptItem, AcceptOutcome, Article, ArticleRequest, ArticleSummary, Candidate, Claim, Comment, Evidence, EvidenceRequest,
  HistoryEvent, Matches, Me, Notification, Page, People, RatingScale, Sentence, Settings, Ticket, TriageRequest, VerdictDraftRequest,
  UnreadCount, VerdictOverview, Verdict,
} from './types';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  currentVersion?: number;
  /** On a 409 for a transition not possible now. */
  currentState?: string;
  allowedActions?: string[];
  violations?: { field?: string; message?: string; in?: string }[];
  [key: string]: unknown;
}

/** An error answer of the API, with what to tell the person. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(messageFor(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Someone else saved a newer version of what this person was editing (409 with currentVersion). */
  get stale(): boolean {
    return this.status === 409 && typeof this.problem.currentVersion === 'number';
  }
}

/** The largest page any list answers (PageRequest.MAX_SIZE on the server). */
const MAX_PAGE_SIZE = 200;

export const STALE_MESSAGE =
  'Someone else changed this while you were editing. Your unsaved text is kept here: reload to see their changes, then apply yours again.';

/** What the person reads for an error answer: the server's detail, with a plain-language lead for the common cases. */
export function messageFor(status: number, problem: Problem): string {
  const detail = problem.detail?.trim();
  const violations = (problem.violations ?? [])
    .map((v) => [v.field, v.message].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ');
  if (status === 409 && typeof problem.currentVersion === 'number') {
    return detail ? `${STALE_MESSAGE} (${detail})` : STALE_MESSAGE;
  }
  if (status === 401) return 'Your session has expired. Please sign in again.';
  const text = [detail, violations].filter(Boolean).join(' — ');
  if (text) return text;
  if (problem.title) return problem.title;
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return `The server had a problem (${status}). Try again in a moment.`;
  return `Request failed (${status}).`;
}

export type TokenSource = () => string | null | Promise<string | null>;

export interface TicketQuery {
  status?: string[];
  topic?: string;
  language?: string;
  assignee?: string;
  overdue?: boolean;
  q?: string;
  sort?: string;
  page?: number;
  size?: number;
}

export function ticketQueryString(query: TicketQuery): string {
  const params = new URLSearchParams();
  for (const s of query.status ?? []) params.append('status', s);
  for (const key of ['topic', 'language', 'assignee', 'q', 'sort'] as const) {
    const value = query[key]?.trim();
    if (value) params.set(key, value);
  }
  if (query.overdue) params.set('overdue', 'true');
  if (query.page != null) params.set('page', String(query.page));
  if (query.size != null) params.set('size', String(query.size));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class Api {
  constructor(
    private readonly token: TokenSource,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = await this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, { detail: 'The server could not be reached. Check your connection and try again.' });
    }
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response));
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get = <T>(path: string) => this.request<T>('GET', path);

  // Desk
  /** Who is signed in and what they may do on the desk; changes only with the token. */
  me = () => this.get<Me>('/api/me');
  settings = () => this.get<Settings>('/api/settings');
  people = () => this.get<People>('/api/people');
  ratingScales = () => this.get<Page<RatingScale>>(`/api/rating-scales?size=${MAX_PAGE_SIZE}`).then((p) => p.items);

  // Tickets
  tickets = (query: TicketQuery) => this.get<Page<Ticket>>(`/api/tickets${ticketQueryString(query)}`);
  ticket = (id: number) => this.get<Ticket>(`/api/tickets/${id}`);
  claimNext = () => this.request<Ticket>('POST', '/api/tickets/claim-next');
  transition = (id: number, action: string, body?: Record<string, unknown>) =>
    this.request<Ticket>('POST', `/api/tickets/${id}/${encodeURIComponent(action)}`, body);
  /** Priority and deadline; answers the updated ticket, 409 on a stale version. */
  triage = (id: number, body: TriageRequest) => this.request<Ticket>('PUT', `/api/tickets/${id}/triage`, body);
  /** The newest events, oldest first (the API pages newest first). */
  history = (id: number) => this.get<Page<HistoryEvent>>(`/api/tickets/${id}/history?size=${MAX_PAGE_SIZE}`).then((p) => p.items.reverse());

  // Claims
  claim = (id: number) => this.get<Claim>(`/api/claims/${id}`);
  updateClaim = (id: number, body: Record<string, unknown>) => this.request<Claim>('PUT', `/api/claims/${id}`, body);
  similarToClaim = (id: number) => this.get<Matches>(`/api/claims/${id}/similar`);

  // Work on a ticket
  evidence = (ticketId: number) => this.get<Page<Evidence>>(`/api/tickets/${ticketId}/evidence?size=${MAX_PAGE_SIZE}`).then((p) => p.items);
  addEvidence = (ticketId: number, body: EvidenceRequest) =>
    this.request<Evidence>('POST', `/api/tickets/${ticketId}/evidence`, body);
  updateEvidence = (ticketId: number, id: number, body: EvidenceRequest) =>
    this.request<Evidence>('PUT', `/api/tickets/${ticketId}/evidence/${id}`, body);
  removeEvidence = (ticketId: number, id: number, version: number) =>
    this.request<void>('DELETE', `/api/tickets/${ticketId}/evidence/${id}?version=${version}`);
  verdict = (ticketId: number) => this.get<VerdictOverview>(`/api/tickets/${ticketId}/verdict`);
  saveVerdict = (ticketId: number, body: VerdictDraftRequest) =>
    this.request<Verdict>('PUT', `/api/tickets/${ticketId}/verdict`, body);
  /** The newest comments, oldest first (the API pages newest first). */
  comments = (ticketId: number) => this.get<Page<Comment>>(`/api/tickets/${ticketId}/comments?size=${MAX_PAGE_SIZE}`).then((p) => p.items.reverse());
  addComment = (ticketId: number, body: string) =>
    this.request<Comment>('POST', `/api/tickets/${ticketId}/comments`, { body });

  // Notifications (the caller's own)
  /** The caller's notifications, newest first; `after` is the `next` of the page before. */
  notifications = (after?: string | null, size = 20) =>
    this.get<Page<Notification>>(`/api/notifications?size=${size}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
  unreadCount = () => this.get<UnreadCount>('/api/notifications/unread-count');
  markNotificationRead = (id: number) => this.request<Notification>('POST', `/api/notifications/${id}/read`);
  markAllNotificationsRead = () => this.request<UnreadCount>('POST', '/api/notifications/read-all');

  // Intake
  articles = (page = 0) => this.get<Page<ArticleSummary>>(`/api/articles?page=${page}&size=20`);
  article = (id: number) => this.get<Article>(`/api/articles/${id}`);
  createArticle = (body: ArticleRequest) => this.request<Article>('POST', '/api/articles', body);
  sentences = (id: number) => this.get<{ articleId: number; threshold: number; items: Sentence[] }>(`/api/articles/${id}/sentences`);
  candidates = (id: number) => this.get<{ articleId: number; threshold: number; items: Candidate[] }>(`/api/articles/${id}/candidates`);
  accept = (id: number, items: AcceptItem[]) =>
    this.request<{ items: AcceptOutcome[] }>('POST', `/api/articles/${id}/candidates/accept`, { items });
  similar = (text: string) => this.get<Matches>(`/api/similar?text=${encodeURIComponent(text)}`);
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  try {
    const text = await response.text();
    if (type.includes('json') && text) {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object') return parsed as Problem;
    }
    return { status: response.status, title: response.statusText || undefined };
  } catch {
    return { status: response.status, title: response.statusText || undefined };
  }
}
