// The access list's words in Russian and Kazakh: the paper the head signs is in the language it is printed in
// (`lang` on its route and CLI command, Russian by default). Role names are the operator's own and stay as given.
import type { Scope } from '../api-keys/api-key.service.js';

export type AccessListLang = 'ru' | 'kk';
export const accessListLangs = ['ru', 'kk'] as const satisfies readonly AccessListLang[];
export const isAccessListLang = (value: string): value is AccessListLang =>
  (accessListLangs as readonly string[]).includes(value);

export const actionLabels: Record<Scope, string> = {
  'subjects:read': 'поиск субъектов',
  'subjects:write': 'регистрация субъектов',
  'data:read': 'чтение ПД',
  'data:write': 'сбор ПД',
  'data:rectify': 'уточнение ПД',
  'data:block': 'блокирование ПД',
  'data:destroy': 'уничтожение ПД',
  'data:export': 'выгрузка ПД',
  'consents:read': 'чтение согласий',
  'consents:write': 'приём и отзыв согласий',
  'obligations:read': 'просмотр обязательств',
  'obligations:write': 'закрытие обязательств с подтверждением',
  'requests:submit': 'приём обращений',
  'requests:read': 'просмотр обращений',
  'requests:write': 'ответы на обращения',
  'retention:read': 'просмотр сроков хранения',
  'retention:write': 'уничтожение по срокам',
  'audit:read': 'просмотр журнала аудита',
  'register:read': 'просмотр реестра',
  'register:edit': 'изменение реестра',
  'keys:manage': 'управление API-ключами',
  'staff:manage': 'управление сотрудниками',
  'disclosures:read': 'просмотр передач ПД',
  'disclosures:write': 'передача ПД третьим лицам',
};

/** ДД: дербес деректер (personal data), as ПД in Russian. */
const actionLabelsKk: Record<Scope, string> = {
  'subjects:read': 'субъектілерді іздеу',
  'subjects:write': 'субъектілерді тіркеу',
  'data:read': 'ДД оқу',
  'data:write': 'ДД жинау',
  'data:rectify': 'ДД нақтылау',
  'data:block': 'ДД бұғаттау',
  'data:destroy': 'ДД жою',
  'data:export': 'ДД жүктеп алу',
  'consents:read': 'келісімдерді қарау',
  'consents:write': 'келісімдерді қабылдау және кері қайтару',
  'obligations:read': 'міндеттемелерді қарау',
  'obligations:write': 'міндеттемелерді растаумен жабу',
  'requests:submit': 'өтініштерді қабылдау',
  'requests:read': 'өтініштерді қарау',
  'requests:write': 'өтініштерге жауап беру',
  'retention:read': 'сақтау мерзімдерін қарау',
  'retention:write': 'мерзімдер бойынша жою',
  'audit:read': 'аудит журналын қарау',
  'register:read': 'тізілімді қарау',
  'register:edit': 'тізілімді өзгерту',
  'keys:manage': 'API-кілттерді басқару',
  'staff:manage': 'қызметкерлерді басқару',
  'disclosures:read': 'ДД берулерін қарау',
  'disclosures:write': 'ДД үшінші тұлғаларға беру',
};

export const accessListWords = {
  ru: {
    title:
      'Перечень лиц, доступ которых к персональным данным необходим для выполнения ими служебных (трудовых) обязанностей',
    actions: actionLabels,
    system: 'информационная система (API-ключ)',
    binIin: 'БИН/ИИН',
    approve: 'УТВЕРЖДАЮ',
    draft: 'ПРОЕКТ — не утверждён',
    rejected: '(отклонён)',
    version: (n: number) => `версия ${n}`,
    superseded: 'утратила силу: заменена более поздней версией',
    columns: [
      '№ п/п',
      'ФИО',
      'Должность',
      'Роль',
      'Цели обработки (номер и название)',
      'Действия с персональными данными',
      'Доступ с',
    ],
    nobody: 'Лица не указаны',
    below: 'см. ниже, после таблицы',
    role: 'роль',
    purposes: 'Цели обработки',
    actionsLabel: 'Действия',
    from: 'Доступ с',
    total: (n: number) => `Всего лиц: ${n}`,
    replaces: (n: number) => `Заменяет версию ${n}`,
    note: 'Примечание',
    proposed: 'Подготовил',
    approved: 'Утвердил',
    notApproved: 'Утвердил: ____________ (перечень не утверждён)',
    audit: (seq: number, hash: string) =>
      `Утверждение записано в журнал аудита: запись № ${seq}, контрольное значение ${hash}`,
    subject: (approved: boolean) =>
      approved ? 'Утверждённый перечень лиц с доступом к персональным данным' : 'Проект перечня',
  },
  kk: {
    title:
      'Дербес деректерге қол жеткізу қызметтік (еңбек) міндеттерін орындау үшін қажет тұлғалардың тізбесі',
    actions: actionLabelsKk,
    system: 'ақпараттық жүйе (API-кілт)',
    binIin: 'БСН/ЖСН',
    approve: 'БЕКІТЕМІН',
    draft: 'ЖОБА — бекітілмеген',
    rejected: '(қабылданбады)',
    version: (n: number) => `${n}-нұсқа`,
    superseded: 'күшін жойды: кейінгі нұсқамен ауыстырылды',
    columns: [
      'Р/с №',
      'Тегі, аты, әкесінің аты',
      'Лауазымы',
      'Рөлі',
      'Өңдеу мақсаттары (нөмірі мен атауы)',
      'Дербес деректермен әрекеттер',
      'Қол жеткізу басталған күн',
    ],
    nobody: 'Тұлғалар көрсетілмеген',
    below: 'кестеден кейін төменде көрсетілген',
    role: 'рөлі',
    purposes: 'Өңдеу мақсаттары',
    actionsLabel: 'Әрекеттер',
    from: 'Қол жеткізу басталған күн',
    total: (n: number) => `Барлық тұлғалар саны: ${n}`,
    replaces: (n: number) => `${n}-нұсқаның орнына`,
    note: 'Ескертпе',
    proposed: 'Дайындаған',
    approved: 'Бекіткен',
    notApproved: 'Бекіткен: ____________ (тізбе бекітілмеген)',
    audit: (seq: number, hash: string) =>
      `Бекіту аудит журналына жазылды: № ${seq} жазба, бақылау мәні ${hash}`,
    subject: (approved: boolean) =>
      approved ? 'Дербес деректерге қол жеткізетін тұлғалардың бекітілген тізбесі' : 'Тізбенің жобасы',
  },
} as const;
