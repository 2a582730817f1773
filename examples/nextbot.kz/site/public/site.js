// The example site's only script: shows the published consent texts, sends the forms as JSON to the site's
// backend, and shows its answer (Amanat's errors name the field and what was expected). Texts are set as text.
(() => {
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
  // Amanat's field paths (values.full_name, phone) to this site's input names.
  const inputNames = { full_name: 'fullName', first_name: 'firstName', subject_full_name: 'fullName' };

  async function api(path, body) {
    const response = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw data.error ?? { message: `Ошибка ${response.status}` };
    return data;
  }

  function show(box, kind, message, issues = []) {
    box.replaceChildren();
    box.className = `result ${kind}`;
    box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    const p = document.createElement('p');
    p.textContent = message;
    box.append(p);
    if (issues.length > 0) {
      const ul = document.createElement('ul');
      for (const issue of issues) {
        const li = document.createElement('li');
        li.textContent = `${issue.path}: ${issue.message}`;
        ul.append(li);
      }
      box.append(ul);
    }
    box.hidden = false;
    return box;
  }

  async function loadForm(block) {
    const textBox = $('[data-form-text]', block);
    try {
      const form = await api(`/site-api/forms/${block.dataset.consentForm}`);
      textBox.textContent = form.text;
      block.dataset.version = form.version;
      block.dataset.sha256 = form.sha256;
      $('[data-form-meta]', block).textContent =
        `Редакция политики ${form.version} · SHA-256 текста ${form.sha256.slice(0, 16)}…`;
    } catch (error) {
      textBox.textContent = `Текст согласия не загрузился: ${error.message}. Форму отправить нельзя.`;
    }
  }

  const readFile = (file) =>
    new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });

  async function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const box = $('[data-result]', form);
    const body = {};
    for (const input of $$('input, textarea, select', form)) {
      if (!input.name) continue;
      input.removeAttribute('aria-invalid');
      if (input.type === 'checkbox') body[input.name] = input.checked;
      else if (input.type === 'file') body[input.name] = input.files[0] ? await readFile(input.files[0]) : '';
      else body[input.name] = input.value;
    }
    const consent = $('[data-consent-form]', form);
    if (consent)
      Object.assign(body, { formVersion: consent.dataset.version, formSha256: consent.dataset.sha256 });
    const button = $('button[type=submit]', form);
    button.disabled = true;
    try {
      const answer = await api(form.dataset.endpoint, body);
      if (form.dataset.redirect) {
        location.href = form.dataset.redirect;
        return;
      }
      form.reset();
      show(box, 'ok', form.dataset.success ?? 'Готово.');
      if (answer.unsubscribeUrl) {
        const a = document.createElement('a');
        a.href = answer.unsubscribeUrl;
        a.textContent = 'Ссылка, чтобы отписаться';
        box.append(a);
      }
      if (form.dataset.after === 'reload') setTimeout(() => location.reload(), 800);
    } catch (error) {
      // Each issue names the form's own field where there is one ("Телефон: ожидается …").
      const issues = (error.issues ?? []).map((issue) => {
        const last = issue.path.split('.').pop();
        const input = form.elements.namedItem(inputNames[last] ?? last);
        if (!input || !('setAttribute' in input)) return issue;
        input.setAttribute('aria-invalid', 'true');
        const texts = [...(input.closest('label')?.childNodes ?? [])].filter(
          (n) => n.nodeType === Node.TEXT_NODE,
        );
        const label = texts.map((n) => n.textContent.trim()).find(Boolean);
        return label ? { path: label, message: issue.message } : issue;
      });
      show(box, 'error', error.message, issues);
      $('[aria-invalid=true]', form)?.focus();
    } finally {
      button.disabled = false;
    }
  }

  async function account() {
    const root = $('[data-account]');
    if (!root) return;
    const me = await api('/site-api/me');
    $('[data-signed-out]').hidden = Boolean(me.user);
    $('[data-signed-in]').hidden = !me.user;
    if (!me.user) return;
    $('[data-user-name]').textContent = me.user.fullName;
    $('[data-user-email]').textContent = me.user.email;
    $('[data-subscribed]').hidden = !me.newsletter;
    $('[data-not-subscribed]').hidden = Boolean(me.newsletter);
    if (me.newsletter) $('[data-unsubscribe-link]').href = me.newsletter.unsubscribeUrl;
    $('[data-logout]').addEventListener('click', async () => {
      await api('/site-api/logout', {});
      location.href = '/';
    });
  }

  async function unsubscribe() {
    const button = $('[data-unsubscribe]');
    if (!button) return;
    const token = new URLSearchParams(location.search).get('t') ?? '';
    button.addEventListener('click', async () => {
      const box = $('[data-result]');
      button.disabled = true;
      try {
        const answer = await api('/site-api/newsletter/unsubscribe', { t: token });
        show(
          box,
          'ok',
          answer.alreadyDone
            ? 'Вы уже отписаны.'
            : `Вы отписаны: согласие на рассылку отозвано, обработка адреса для рассылки прекращается не позднее ${answer.stopBy}.`,
        );
      } catch (error) {
        show(box, 'error', error.message, error.issues);
        button.disabled = false;
      }
    });
  }

  async function testimonials() {
    const list = $('[data-testimonials]');
    if (!list) return;
    try {
      const { entries } = await api('/site-api/testimonials');
      list.replaceChildren();
      if (entries.length === 0) list.textContent = 'Отзывов пока нет — станьте первым.';
      for (const entry of entries) {
        const item = document.createElement('figure');
        item.className = 'testimonial';
        if (entry.photo) {
          const img = document.createElement('img');
          img.src = entry.photo;
          img.alt = `${entry.firstName} ${entry.surname}`;
          img.width = 64;
          img.height = 64;
          item.append(img);
        }
        const quote = document.createElement('blockquote');
        quote.textContent = entry.text;
        const caption = document.createElement('figcaption');
        caption.textContent = `${entry.firstName} ${entry.surname}`;
        item.append(quote, caption);
        list.append(item);
      }
    } catch (error) {
      list.textContent = `Отзывы не загрузились: ${error.message}`;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    for (const block of $$('[data-consent-form]')) loadForm(block);
    for (const form of $$('form[data-endpoint]')) form.addEventListener('submit', submit);
    account();
    unsubscribe();
    testimonials();
  });
})();
