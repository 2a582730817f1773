// The nextbot.kz example site's backend: static pages plus a few JSON endpoints under /site-api that send every
// form's personal data through Amanat with the typed client (clients/ts). The site keeps for itself only what
// Amanat must never hold (the password hash, sessions) and the links between its accounts and Amanat's subjects.
//
// Each consent form shows the published form text of a policy version; the grant names that version, so the
// consent journal proves what the visitor read. Amanat's errors (a wrong phone, a missing consent) are passed to
// the page as they are: they name the field and what was expected, in Russian and English.
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { hash, verify } from '@node-rs/argon2';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { type AmanatClient, createAmanatClient, type Schema } from '../../../clients/ts/src/index.js';
import { newToken, openSiteStore, type SiteStore } from './store.js';

export interface SiteOptions {
  /** Amanat as the backend reaches it, e.g. http://127.0.0.1:3000. */
  amanatUrl: string;
  /** Amanat as visitors' browsers reach it (the banner script, the policy link); amanatUrl by default. */
  amanatPublicUrl?: string;
  /** The site's API key (the collecting scopes: see the README). */
  apiKey: string;
  /** The site's JSON store; null keeps everything in memory. */
  storeFile: string | null;
  /** The site's public offer: the contract that sign-up and support are performed under (purposes 4–6). */
  contractRef?: string;
}

const publicDir = join(import.meta.dirname, 'public');
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};
const pages = new Set([
  'index',
  'signup',
  'login',
  'account',
  'newsletter',
  'unsubscribe',
  'webinar',
  'testimonials',
  'support',
]);
/** The consent forms the site shows, by Amanat's form id (GET /api/consent-forms lists them). */
const forms = new Set(['mailing', 'events', 'publication']);
const argon2id = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const photoPattern = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/;
const MAX_PHOTO_CHARS = 400_000;
const PUBLISHED_TTL_MS = 10_000;
type PublishedEntry = Schema<'PublishedTestimonial'>;

interface IssueBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

/** The site's own refusal, in the shape Amanat answers with, so the page shows both alike. */
class SiteError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 422 | 502,
    readonly body: IssueBody,
  ) {
    super(body.error.message);
  }
}

function refuse(
  status: SiteError['status'],
  code: string,
  message: string,
  path?: string,
  expected?: string,
) {
  return new SiteError(status, {
    error: { code, message, issues: path ? [{ path, message: expected ?? message }] : [] },
  });
}

/** An Amanat error answer passed on to the page unchanged (its status, code, message and fields). */
function amanatError(response: Response, error: unknown): SiteError {
  const body = error as Partial<IssueBody> | undefined;
  if (body?.error?.message) {
    const status = [400, 401, 404, 409, 422].includes(response.status)
      ? (response.status as SiteError['status'])
      : 502;
    return new SiteError(status, body as IssueBody);
  }
  return refuse(
    502,
    'amanat_unavailable',
    `Сервис персональных данных ответил ${response.status}; попробуйте позже. Amanat answered ${response.status}.`,
  );
}

function optionalText(body: Record<string, unknown>, field: string, label: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return undefined;
  }
  if (typeof value !== 'string' || value.length > 2000) {
    throw refuse(422, 'validation_failed', `Поле «${label}»: ожидается строка до 2000 символов.`, field);
  }
  return value.trim();
}

function text(body: Record<string, unknown>, field: string, label: string): string {
  const value = optionalText(body, field, label);
  if (value === undefined) {
    throw refuse(
      422,
      'validation_failed',
      `Заполните поле «${label}».`,
      field,
      'обязательное поле / required',
    );
  }
  return value;
}

function agreed(body: Record<string, unknown>) {
  if (body.agree !== true) {
    throw refuse(
      422,
      'consent_not_given',
      'Отметьте согласие: без него мы не можем принять форму.',
      'agree',
      'согласие не отмечено / consent not given',
    );
  }
}

/** Amanat unreachable: an answer in Amanat's error shape, so the page says so and nothing half-happens. */
async function reachAmanat(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const error = {
      code: 'amanat_unavailable',
      message:
        'Сервис персональных данных недоступен: форма не отправлена, попробуйте позже. Amanat is unreachable.',
      issues: [],
    };
    return Response.json({ error }, { status: 503 });
  }
}

export function createSite(options: SiteOptions) {
  const amanat: AmanatClient = createAmanatClient({
    baseUrl: options.amanatUrl,
    token: options.apiKey,
    fetch: reachAmanat,
  });
  const publicUrl = (options.amanatPublicUrl ?? options.amanatUrl).replace(/\/+$/, '');
  const contractRef = options.contractRef ?? 'nextbot.kz-offer';
  const store: SiteStore = openSiteStore(options.storeFile);
  const app = new Hono();

  /** The visitor's address and browser, as a web consent's evidence. */
  function evidence(c: Context) {
    let ip: string | undefined;
    try {
      ip = getConnInfo(c).remote.address?.replace(/^::ffff:/, '');
    } catch {
      ip = undefined;
    }
    const ua = c.req.header('user-agent');
    return { ip, user_agent: ua ? ua.slice(0, 1000) : undefined };
  }

  async function jsonBody(c: Context): Promise<Record<string, unknown>> {
    if (!c.req.header('content-type')?.startsWith('application/json')) {
      throw refuse(400, 'bad_request', 'Ожидается JSON. Expected application/json.');
    }
    const body = await c.req.json().catch(() => null);
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw refuse(400, 'bad_request', 'Ожидается JSON-объект. Expected a JSON object.');
    }
    return body as Record<string, unknown>;
  }

  function currentUser(c: Context) {
    const session = getCookie(c, 'site_session');
    const email = session ? store.sessions.get(session) : undefined;
    return email ? store.userByEmail(email) : undefined;
  }

  function signIn(c: Context, email: string) {
    const session = newToken();
    store.sessions.set(session, email);
    setCookie(c, 'site_session', session, { httpOnly: true, sameSite: 'Lax', path: '/' });
  }

  /** The published form the page showed: its version must still be published and its text unchanged. */
  async function shownForm(formId: string, body: Record<string, unknown>) {
    const version = text(body, 'formVersion', 'редакция формы согласия');
    const sha256 = text(body, 'formSha256', 'хеш формы согласия');
    const form = await consentForm(formId, version);
    if (form.sha256 !== sha256) {
      throw refuse(
        409,
        'consent_form_changed',
        'Текст согласия изменился: обновите страницу и прочитайте новую редакцию.',
        'formSha256',
      );
    }
    return form;
  }

  const formCache = new Map<string, { version: string; sha256: string; text: string }>();
  async function consentForm(formId: string, version?: string) {
    const cached = version ? formCache.get(`${formId}@${version}`) : undefined;
    if (cached) return cached;
    const { data, error, response } = await amanat.GET('/api/consent-forms/{formId}', {
      params: { path: { formId }, query: { lang: 'ru', format: 'text', ...(version ? { version } : {}) } },
      parseAs: 'text',
    });
    if (data === undefined) throw amanatError(response, error);
    const form = {
      version: response.headers.get('x-policy-version') ?? '',
      sha256: response.headers.get('x-consent-form-sha256') ?? '',
      text: data,
    };
    formCache.set(`${formId}@${form.version}`, form);
    return form;
  }

  /** Finds or creates the subject by the identifiers; Amanat checks them before writing anything. */
  async function ensureSubject(identities: { email: string; phone?: string | undefined }) {
    const { data, error, response } = await amanat.POST('/api/subjects', { body: identities });
    if (!data) throw amanatError(response, error);
    return data.id;
  }

  async function grant(
    c: Context,
    subjectId: string,
    purpose: string,
    form: { version: string },
    fullName: string,
    publication?: { fields: string[] },
  ) {
    const { data, error, response } = await amanat.POST('/api/subjects/{subjectId}/consents', {
      params: { path: { subjectId } },
      body: {
        purpose,
        kind: publication ? 'publication' : 'processing',
        channel: 'web',
        policy_version: form.version,
        lang: 'ru',
        subject_full_name: fullName,
        ...evidence(c),
        third_party_transfer: false,
        cross_border_transfer: false,
        publication: Boolean(publication),
        ...(publication
          ? { publication_fields: publication.fields.map((field) => ({ field, restrictions: [] })) }
          : {}),
      },
    });
    if (!data) throw amanatError(response, error);
    return data.id;
  }

  async function collect(
    identities: { email: string; phone?: string | undefined },
    purpose: string,
    values: Record<string, unknown>,
    source: string,
    contract?: string,
  ) {
    const { data, error, response } = await amanat.POST('/api/collect', {
      body: {
        subject: identities,
        purposes: [purpose],
        values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)),
        source,
        ...(contract ? { contract_ref: contract } : {}),
      },
    });
    if (!data) throw amanatError(response, error);
    return data.subjectId;
  }

  app.onError((error, c) => {
    if (error instanceof SiteError) return c.json(error.body, error.status);
    console.error('example site: unexpected error', error instanceof Error ? error.name : 'unknown');
    return c.json(
      { error: { code: 'internal', message: 'Внутренняя ошибка сайта. Internal error.', issues: [] } },
      500,
    );
  });

  app.get('/site-api/forms/:formId', async (c) => {
    const formId = c.req.param('formId');
    if (!forms.has(formId)) throw refuse(404, 'not_found', 'Нет такой формы согласия.', 'formId');
    return c.json(await consentForm(formId), 200, { 'cache-control': 'no-store' });
  });

  // Sign-up (purposes 4 and 5): performed under a contract (the client's, or the site's offer): no consent is asked.
  // The password is hashed here with argon2id; Amanat learns only that the account has one.
  app.post('/site-api/signup', async (c) => {
    const body = await jsonBody(c);
    const fullName = text(body, 'fullName', 'ФИО');
    const email = text(body, 'email', 'Электронная почта').toLowerCase();
    const phone = optionalText(body, 'phone', 'Телефон');
    const password = typeof body.password === 'string' ? body.password : '';
    if (password.length < 8 || password.length > 1000) {
      throw refuse(
        422,
        'validation_failed',
        'Пароль — не короче 8 символов.',
        'password',
        'от 8 до 1000 символов',
      );
    }
    if (store.userByEmail(email)) {
      throw refuse(409, 'account_exists', 'Этот адрес уже зарегистрирован: войдите.', 'email');
    }
    // A client with a signed contract (purpose 4) names it; anyone else uses the site under its offer (purpose 5).
    const contract = optionalText(body, 'contract', 'Номер договора');
    const subjectId = await collect(
      { email, phone },
      contract ? 'client_site_access' : 'user_site_access',
      { full_name: fullName, email, phone, site_password: 'задан; хранится только на Сайте (хеш argon2id)' },
      'nextbot.kz:sign-up',
      contract ?? contractRef,
    );
    store.data.users.push({
      email,
      fullName,
      passwordHash: await hash(password, argon2id),
      subjectId,
      createdAt: new Date().toISOString(),
    });
    store.save();
    signIn(c, email);
    return c.json({ ok: true }, 201);
  });

  app.post('/site-api/login', async (c) => {
    const body = await jsonBody(c);
    const user = store.userByEmail(text(body, 'email', 'Электронная почта'));
    const password = typeof body.password === 'string' ? body.password : '';
    if (!user || !(await verify(user.passwordHash, password))) {
      throw refuse(401, 'sign_in_failed', 'Неверный адрес или пароль.');
    }
    signIn(c, user.email);
    return c.json({ ok: true });
  });

  app.post('/site-api/logout', (c) => {
    const session = getCookie(c, 'site_session');
    if (session) store.sessions.delete(session);
    deleteCookie(c, 'site_session', { path: '/' });
    return c.json({ ok: true });
  });

  app.get('/site-api/me', (c) => {
    const user = currentUser(c);
    if (!user) return c.json({ user: null });
    const subscription = store.data.subscriptions.find((s) => s.subjectId === user.subjectId && s.active);
    return c.json({
      user: { fullName: user.fullName, email: user.email },
      newsletter: subscription ? { unsubscribeUrl: `/unsubscribe.html?t=${subscription.token}` } : null,
    });
  });

  // Newsletter (purpose 8): consent first, then the address under it. A signed-in user subscribes as themself.
  app.post('/site-api/newsletter', async (c) => {
    const body = await jsonBody(c);
    const user = currentUser(c);
    const fullName = user?.fullName ?? text(body, 'fullName', 'ФИО');
    const email = user?.email ?? text(body, 'email', 'Электронная почта').toLowerCase();
    agreed(body);
    const form = await shownForm('mailing', body);
    const subjectId = await ensureSubject({ email });
    const consentId = await grant(c, subjectId, 'mailing', form, fullName);
    await collect({ email }, 'mailing', { email }, 'nextbot.kz:newsletter');
    const subscription = { token: newToken(), subjectId, email, consentId, active: true };
    store.data.subscriptions = store.data.subscriptions.filter((s) => s.subjectId !== subjectId || !s.active);
    store.data.subscriptions.push(subscription);
    store.save();
    return c.json({ unsubscribeUrl: `/unsubscribe.html?t=${subscription.token}` }, 201);
  });

  // The unsubscribe link: withdraws the newsletter consent in Amanat (which opens the obligation to stop).
  app.post('/site-api/newsletter/unsubscribe', async (c) => {
    const body = await jsonBody(c);
    const token = text(body, 't', 'ссылка отписки');
    const subscription = store.data.subscriptions.find((s) => s.token === token);
    if (!subscription) throw refuse(404, 'not_found', 'Ссылка отписки не найдена или устарела.', 't');
    if (!subscription.active) return c.json({ alreadyDone: true });
    const { data, error, response } = await amanat.POST('/api/subjects/{subjectId}/consents/withdraw', {
      params: { path: { subjectId: subscription.subjectId } },
      body: { purpose: 'mailing', channel: 'web', ...evidence(c) },
    });
    if (!data) throw amanatError(response, error);
    subscription.active = false;
    store.save();
    return c.json({ stopBy: data.obligation.dueDate });
  });

  // Webinar registration (purpose 9) on consent. The identifiers go first: a wrong phone stops here.
  app.post('/site-api/webinar', async (c) => {
    const body = await jsonBody(c);
    const fullName = text(body, 'fullName', 'ФИО');
    const email = text(body, 'email', 'Электронная почта').toLowerCase();
    const phone = text(body, 'phone', 'Телефон');
    const webinar = text(body, 'webinar', 'Вебинар');
    agreed(body);
    const form = await shownForm('events', body);
    const subjectId = await ensureSubject({ email, phone });
    await grant(c, subjectId, 'events', form, fullName);
    await collect(
      { email },
      'events',
      { full_name: fullName, email, phone },
      `nextbot.kz:webinar:${webinar}`,
    );
    return c.json({ ok: true }, 201);
  });

  // A testimonial with a photo (purpose 10): the separate consent to publish surname, first name and photo
  // (policy 3.3). The text stays on the site; Amanat's public list decides whether it is shown.
  app.post('/site-api/testimonials', async (c) => {
    const body = await jsonBody(c);
    const surname = text(body, 'surname', 'Фамилия');
    const firstName = text(body, 'firstName', 'Имя');
    const email = text(body, 'email', 'Электронная почта').toLowerCase();
    const message = text(body, 'text', 'Отзыв');
    const photo = body.photo;
    if (typeof photo !== 'string' || !photoPattern.test(photo) || photo.length > MAX_PHOTO_CHARS) {
      throw refuse(
        422,
        'validation_failed',
        'Фото: PNG, JPEG, WebP или GIF до 300 КБ.',
        'photo',
        'изображение до 300 КБ / an image up to 300 KB',
      );
    }
    agreed(body);
    const form = await shownForm('publication', body);
    const subjectId = await ensureSubject({ email });
    const consentId = await grant(c, subjectId, 'testimonials', form, `${surname} ${firstName}`, {
      fields: ['surname', 'first_name', 'photo'],
    });
    await collect(
      { email },
      'testimonials',
      { surname, first_name: firstName, photo },
      'nextbot.kz:testimonial',
    );
    store.data.testimonials[consentId] = message;
    store.save();
    published = null;
    return c.json({ ok: true }, 201);
  });

  // Amanat limits its public routes per client address, and every visitor of this page reaches Amanat from the
  // site's one address: the list is kept for a few seconds, so a withdrawn consent stops publication within
  // them (the law allows one working day) and a busy page does not exhaust the limit.
  let published: { at: number; entries: PublishedEntry[] } | null = null;
  async function publishedEntries(): Promise<PublishedEntry[]> {
    if (published && Date.now() - published.at < PUBLISHED_TTL_MS) return published.entries;
    const { data, error, response } = await amanat.GET('/api/public/testimonials', {
      params: { query: { limit: 50 } },
    });
    if (!data) throw amanatError(response, error);
    published = { at: Date.now(), entries: data.entries };
    return data.entries;
  }

  app.get('/site-api/testimonials', async (c) => {
    const entries = (await publishedEntries()).map((e) => ({
      id: e.id,
      surname: typeof e.fields.surname === 'string' ? e.fields.surname : '',
      firstName: typeof e.fields.first_name === 'string' ? e.fields.first_name : '',
      photo: typeof e.fields.photo === 'string' && photoPattern.test(e.fields.photo) ? e.fields.photo : null,
      text: store.data.testimonials[e.id] ?? '',
      publishedSince: e.publishedSince,
    }));
    return c.json({ entries }, 200, { 'cache-control': 'no-store' });
  });

  // Support (purpose 6) under the site's offer; the message itself stays on the site.
  app.post('/site-api/support', async (c) => {
    const body = await jsonBody(c);
    const fullName = text(body, 'fullName', 'ФИО');
    const email = text(body, 'email', 'Электронная почта').toLowerCase();
    const phone = optionalText(body, 'phone', 'Телефон');
    const message = text(body, 'message', 'Сообщение');
    const subjectId = await collect(
      { email, phone },
      'support',
      { full_name: fullName, email, phone },
      'nextbot.kz:support',
      contractRef,
    );
    const ticket = { id: newToken().slice(0, 8), subjectId, message, createdAt: new Date().toISOString() };
    store.data.tickets.push(ticket);
    store.save();
    return c.json({ ticket: ticket.id }, 201);
  });

  app.all('/site-api/*', () => {
    throw refuse(404, 'not_found', 'Нет такого адреса.');
  });

  // The static pages: each page file is its <title> line and its <main>, put into the one layout (head with the
  // banner script, header, footer with the policy link), with Amanat's public address put in.
  const layout = readFileSync(join(publicDir, '_layout.html'), 'utf8');
  const inLayout = (page: string) => {
    const [titleLine = '', ...main] = page.split('\n');
    const title = /<title>(.*)<\/title>/.exec(titleLine)?.[1] ?? 'NextBot';
    return layout.replace('{{TITLE}}', () => title).replace('{{MAIN}}', () => main.join('\n'));
  };
  const fileCache = new Map<string, string>();
  app.get('*', (c) => {
    let name = c.req.path === '/' ? 'index.html' : c.req.path.slice(1);
    if (!name.includes('.') && pages.has(name)) name = `${name}.html`;
    const ext = extname(name);
    const isPage = ext === '.html' && pages.has(name.slice(0, -5));
    if (!isPage && !['site.css', 'site.js'].includes(name)) {
      return c.text('Страница не найдена. Not found.', 404);
    }
    let content = fileCache.get(name);
    if (content === undefined) {
      content = readFileSync(join(publicDir, name), 'utf8');
      if (isPage) content = inLayout(content);
      content = content.replaceAll('{{AMANAT_URL}}', publicUrl);
      fileCache.set(name, content);
    }
    return c.body(content, 200, { 'content-type': contentTypes[ext] ?? 'application/octet-stream' });
  });

  return { app, store };
}
