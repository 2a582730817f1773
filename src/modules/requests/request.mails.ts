// The e-mails a subject receives about a request, in the request's language (the language the letter is
// written in: the request's `language`, Russian unless the subject chose otherwise), subject lines included.
import type { Lang } from '../register/register.retention.js';
import { typeTitles } from './request.letter.phrases.js';
import { requestTypeTitles } from './request.model.js';
import type { RequestType } from './request.table.js';

export interface SubjectMail {
  subject: string;
  text: string;
}

interface CodeMail {
  number: number;
  type: RequestType;
  name?: string;
  code: string;
  id: string;
  ttlMinutes: number;
  operator: string;
}

interface AlreadyReceivedMail {
  number: number;
  type: RequestType;
  name?: string;
  /** dd.mm.yyyy in the operator's zone. */
  receivedOn: string;
  dueOn: string;
  operator: string;
}

interface AnswerMail {
  number: number;
  operator: string;
}

const words = {
  ru: {
    hello: (name?: string) => `Здравствуйте${name ? `, ${name}` : ''}!`,
    ignore: 'Если вы не направляли обращение, просто проигнорируйте это письмо.',
    codeSubject: (n: number) => `Код подтверждения по обращению № ${n}`,
    codeText: (m: CodeMail, type: string) =>
      `Чтобы подтвердить, что обращение № ${m.number} («${type}») направили вы, введите код: ${m.code}\n` +
      `(идентификатор обращения для подтверждения: ${m.id})\n\n` +
      `Код действует ${m.ttlMinutes} минут; новый код можно запросить в центре конфиденциальности.`,
    receivedSubject: (n: number) => `Ваше обращение № ${n} уже принято`,
    receivedText: (m: AlreadyReceivedMail, type: string) =>
      `С этого адреса поступило обращение («${type}»), но такое обращение № ${m.number} от ${m.receivedOn} ` +
      `уже принято и рассматривается; ответ будет дан не позднее ${m.dueOn}. Новое обращение присоединено к ` +
      'нему, отдельно его рассматривать не нужно.',
    answerSubject: (n: number) => `Ответ на обращение № ${n}`,
    answerText: (n: number) => `Ответ оператора на ваше обращение № ${n} — во вложении.`,
  },
  kk: {
    hello: (name?: string) => `Сәлеметсіз бе${name ? `, ${name}` : ''}!`,
    ignore: 'Егер сіз өтініш жібермеген болсаңыз, бұл хатты елемеңіз.',
    codeSubject: (n: number) => `№ ${n} өтініш бойынша растау коды`,
    codeText: (m: CodeMail, type: string) =>
      `№ ${m.number} өтінішті («${type}») сіз жібергеніңізді растау үшін мына кодты енгізіңіз: ${m.code}\n` +
      `(растауға арналған өтініш сәйкестендіргіші: ${m.id})\n\n` +
      `Код ${m.ttlMinutes} минут жарамды; жаңа кодты құпиялылық орталығында сұрауға болады.`,
    receivedSubject: (n: number) => `Сіздің № ${n} өтінішіңіз қабылданып қойған`,
    receivedText: (m: AlreadyReceivedMail, type: string) =>
      `Осы мекенжайдан өтініш («${type}») келіп түсті, бірақ осындай ${m.receivedOn} күнгі № ${m.number} өтініш ` +
      `қабылданып, қаралуда; жауап ${m.dueOn} кешіктірілмей беріледі. Жаңа өтініш оған қосылды, оны бөлек ` +
      'қараудың қажеті жоқ.',
    answerSubject: (n: number) => `№ ${n} өтінішке жауап`,
    answerText: (n: number) => `Оператордың сіздің № ${n} өтінішіңізге жауабы қоса беріліп отыр.`,
  },
  en: {
    hello: (name?: string) => `Hello${name ? `, ${name}` : ''},`,
    ignore: 'If you did not send a request, please ignore this e-mail.',
    codeSubject: (n: number) => `Confirmation code for request No. ${n}`,
    codeText: (m: CodeMail, type: string) =>
      `To confirm that you sent request No. ${m.number} ("${type}"), enter the code: ${m.code}\n` +
      `(the request's id for confirmation: ${m.id})\n\n` +
      `The code is valid for ${m.ttlMinutes} minutes; a new code can be requested in the privacy centre.`,
    receivedSubject: (n: number) => `Your request No. ${n} has already been received`,
    receivedText: (m: AlreadyReceivedMail, type: string) =>
      `A request ("${type}") came from this address, but the same request No. ${m.number} of ${m.receivedOn} ` +
      `has already been received and is being considered; the answer will be given no later than ${m.dueOn}. ` +
      'The new request has been joined to it and needs no separate handling.',
    answerSubject: (n: number) => `Answer to request No. ${n}`,
    answerText: (n: number) => `The operator's answer to your request No. ${n} is attached.`,
  },
} satisfies Record<Lang, unknown>;

/** The request type as the subject reads it (Russian: the titles the privacy centre's form shows). */
const titleOf = (lang: Lang, type: RequestType) =>
  lang === 'ru' ? requestTypeTitles[type] : typeTitles[lang][type];

/** The one-time code that proves the requester is the subject. */
export function codeMail(lang: Lang, m: CodeMail): SubjectMail {
  const w = words[lang];
  return {
    subject: w.codeSubject(m.number),
    text: `${w.hello(m.name)}\n\n${w.codeText(m, titleOf(lang, m.type))} ${w.ignore}\n\n${m.operator}`,
  };
}

/** A repeated request: the open one it was joined to, and by when it is answered. */
export function alreadyReceivedMail(lang: Lang, m: AlreadyReceivedMail): SubjectMail {
  const w = words[lang];
  return {
    subject: w.receivedSubject(m.number),
    text: `${w.hello(m.name)}\n\n${w.receivedText(m, titleOf(lang, m.type))}\n\n${w.ignore}\n\n${m.operator}`,
  };
}

/** The mail that carries the answer letter (and the act, and the report) as attachments. */
export function answerMail(lang: Lang, m: AnswerMail): SubjectMail {
  const w = words[lang];
  return { subject: w.answerSubject(m.number), text: `${w.answerText(m.number)}\n\n${m.operator}` };
}

interface StatusLinkMail {
  number: number;
  /** The status page's address with the token in its fragment; none when the public address is not configured. */
  link: string | null;
  operator: string;
}

const statusWords = {
  ru: {
    subject: (n: number) => `Обращение № ${n} подтверждено`,
    text: (m: StatusLinkMail) =>
      `Вы подтвердили обращение № ${m.number}; оно принято к рассмотрению.\n\n` +
      (m.link
        ? `Ход рассмотрения, а после ответа — письмо и выгрузку данных можно посмотреть по ссылке:\n${m.link}\n` +
          'Не пересылайте эту ссылку: по ней виден ответ на ваше обращение.'
        : 'Ответ придёт на этот адрес.'),
  },
  kk: {
    subject: (n: number) => `№ ${n} өтініш расталды`,
    text: (m: StatusLinkMail) =>
      `Сіз № ${m.number} өтінішті растадыңыз; ол қарауға қабылданды.\n\n` +
      (m.link
        ? `Қарау барысын, ал жауаптан кейін — хатты және деректер үзіндісін мына сілтеме бойынша көруге болады:\n${m.link}\n` +
          'Бұл сілтемені ешкімге жібермеңіз: ол арқылы өтінішіңізге берілген жауап көрінеді.'
        : 'Жауап осы мекенжайға келеді.'),
  },
  en: {
    subject: (n: number) => `Request No. ${n} confirmed`,
    text: (m: StatusLinkMail) =>
      `You have confirmed request No. ${m.number}; it is being considered.\n\n` +
      (m.link
        ? `Follow its progress and, once answered, download the letter and your data at:\n${m.link}\n` +
          'Do not forward this link: it shows the answer to your request.'
        : 'The answer will come to this address.'),
  },
} satisfies Record<Lang, unknown>;

/** A confirmed request: the link to its status page (the token only in the link's fragment). */
export function statusLinkMail(lang: Lang, m: StatusLinkMail): SubjectMail {
  const w = statusWords[lang];
  return { subject: w.subject(m.number), text: `${w.text(m)}\n\n${m.operator}` };
}
