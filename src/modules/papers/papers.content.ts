// The default text of the operator's internal papers, per language: pieces with {tags} the view fills. One
// source for both outputs: scripts/build-paper-templates.ts writes these pieces into the default DOCX templates
// (templates/papers/<paper>.<lang>.docx), and the PDF is rendered from the same pieces through the one engine.
// Tags name fields of the paper's view (papers.view.ts); `loop` tables repeat one row per item.

export const paperIds = ['order', 'regulation', 'data-list', 'access-list'] as const;
export type PaperId = (typeof paperIds)[number];
export const paperLangs = ['ru', 'kk'] as const;
export type PaperLang = (typeof paperLangs)[number];

export type Piece =
  | { kind: 'letterhead'; lines: string[] }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; align?: 'center' | 'right' }
  | { kind: 'table'; loop: string; header: string[]; cells: string[]; widths: number[] };

export interface PaperContent {
  /** The paper's name, as the list of papers and the file's title give it. */
  title: string;
  /** Wide tables: the whole paper is laid out on landscape pages. */
  landscape: boolean;
  pieces: Piece[];
}

const letterhead = (idLabel: string): Piece => ({
  kind: 'letterhead',
  lines: ['{operator_name}', `${idLabel}: {operator_bin_iin}`, '{operator_address}'],
});

const ru: Record<PaperId, PaperContent> = {
  order: {
    title: 'Приказ о назначении ответственного за организацию обработки персональных данных',
    landscape: false,
    pieces: [
      letterhead('{operator_id_label}'),
      { kind: 'heading', level: 1, text: 'ПРИКАЗ' },
      { kind: 'paragraph', text: '№ {order_number}    от {order_date}', align: 'center' },
      { kind: 'paragraph', text: '{place}', align: 'center' },
      {
        kind: 'paragraph',
        bold: true,
        text: 'О назначении лица, ответственного за организацию обработки персональных данных',
      },
      {
        kind: 'paragraph',
        text:
          'В соответствии со статьёй 25 Закона № 94-V ({law}), в целях организации ' +
          'обработки и защиты персональных данных ПРИКАЗЫВАЮ:',
      },
      {
        kind: 'paragraph',
        text:
          '1. Назначить лицом, ответственным за организацию обработки персональных данных в ' +
          '{operator_name}: {responsible_name}, {responsible_position}. Адрес электронной почты для ' +
          'обращений: {responsible_email}.',
      },
      {
        kind: 'paragraph',
        text:
          '2. Ответственному лицу: осуществлять внутренний контроль за соблюдением законодательства о ' +
          'персональных данных и их защите; доводить до сведения работников его положения, Положение об ' +
          'обработке персональных данных и Перечень персональных данных; организовать приём и обработку ' +
          'обращений субъектов персональных данных или их законных представителей.',
      },
      {
        kind: 'paragraph',
        text: '3. Ознакомить с настоящим приказом работников, допущенных к обработке персональных данных.',
      },
      { kind: 'paragraph', text: '4. Контроль за исполнением настоящего приказа оставляю за собой.' },
      { kind: 'paragraph', text: '{head_position}    __________ (подпись)    {head_name}' },
      {
        kind: 'paragraph',
        text: 'С приказом ознакомлен(а): {responsible_name}    __________ (подпись)    {acquainted_date}',
      },
    ],
  },
  regulation: {
    title: 'Положение об обработке персональных данных',
    landscape: false,
    pieces: [
      letterhead('{operator_id_label}'),
      {
        kind: 'paragraph',
        align: 'right',
        text: 'УТВЕРЖДЕНО приказом № {approval_number} от {approval_date}',
      },
      { kind: 'heading', level: 1, text: 'Положение об обработке персональных данных' },
      { kind: 'heading', level: 2, text: '1. Общие положения' },
      {
        kind: 'paragraph',
        text:
          '1.1. Настоящее Положение определяет порядок и условия обработки персональных данных в ' +
          '{operator_name} ({operator_id_label} {operator_bin_iin}, {operator_address}; далее — Оператор) и ' +
          'меры по их защите. Положение принято в соответствии с законодательством о персональных данных: {law}.',
      },
      {
        kind: 'paragraph',
        text: '1.2. Положение обязательно для всех работников Оператора, допущенных к обработке персональных данных.',
      },
      {
        kind: 'paragraph',
        text:
          '1.3. Лицо, ответственное за организацию обработки персональных данных (ст. 25 Закона № 94-V): ' +
          '{responsible_name}, {responsible_position}, {responsible_email}.',
      },
      { kind: 'heading', level: 2, text: '2. Цели обработки и состав персональных данных' },
      {
        kind: 'paragraph',
        text:
          '2.1. Оператор обрабатывает персональные данные только для следующих целей, в составе и в сроки, ' +
          'указанные ниже; правовые основания и способ обработки указаны в Перечне персональных данных.',
      },
      {
        kind: 'table',
        loop: 'purposes',
        header: ['№', 'Цель обработки', 'Категории субъектов', 'Перечень данных', 'Срок хранения'],
        cells: ['{number}', '{title}', '{subjects}', '{data_list}', '{retention}'],
        widths: [1, 5, 4, 7, 5],
      },
      { kind: 'heading', level: 2, text: '3. Порядок и условия обработки' },
      {
        kind: 'paragraph',
        text:
          '3.1. Обработка ведётся законно и справедливо, только в объёме, необходимом для целей обработки; ' +
          'данные, избыточные по отношению к цели, не собираются.',
      },
      {
        kind: 'paragraph',
        text:
          '3.2. Базы, содержащие персональные данные, находятся на территории: {storage_countries}. ' +
          'Информационные системы: {information_systems}.',
      },
      { kind: 'paragraph', text: '3.3. Трансграничная передача: {cross_border_rule}' },
      { kind: 'heading', level: 2, text: '4. Доступ к персональным данным' },
      {
        kind: 'paragraph',
        text:
          '4.1. Доступ к персональным данным имеют только лица, включённые в перечень лиц, доступ которых к ' +
          'персональным данным необходим для выполнения ими служебных (трудовых) обязанностей, утверждённый ' +
          'руководителем Оператора, и только к данным целей, указанных для них в перечне.',
      },
      { kind: 'heading', level: 2, text: '5. Права субъектов персональных данных' },
      {
        kind: 'paragraph',
        text:
          '5.1. Субъект вправе знать о наличии у Оператора своих персональных данных, получать их, требовать ' +
          'их изменения, дополнения, блокирования и уничтожения, отозвать согласие. Обращения принимаются по ' +
          'электронной почте {privacy_email} и по почтовому адресу: {postal_address}.',
      },
      { kind: 'heading', level: 2, text: '6. Хранение и уничтожение' },
      {
        kind: 'paragraph',
        text:
          '6.1. По достижении цели или истечении срока хранения персональные данные уничтожаются. ' +
          'Электронные данные: {destruction_electronic} Бумажные носители: {destruction_paper} Об уничтожении ' +
          'составляется акт.',
      },
      { kind: 'heading', level: 2, text: '7. Заключительные положения' },
      {
        kind: 'paragraph',
        text:
          '7.1. Положение вступает в силу со дня утверждения и пересматривается при изменении целей, состава ' +
          'или сроков обработки персональных данных.',
      },
      { kind: 'paragraph', text: '{head_position}    __________ (подпись)    {head_name}' },
    ],
  },
  'data-list': {
    title: 'Перечень персональных данных, обрабатываемых по целям',
    landscape: true,
    pieces: [
      letterhead('{operator_id_label}'),
      {
        kind: 'paragraph',
        align: 'right',
        text: 'УТВЕРЖДЁН приказом № {approval_number} от {approval_date}',
      },
      { kind: 'heading', level: 1, text: 'Перечень персональных данных, обрабатываемых по целям обработки' },
      {
        kind: 'table',
        loop: 'purposes',
        header: [
          '№',
          'Цель обработки',
          'Категории субъектов',
          'Категория данных',
          'Перечень данных',
          'Срок хранения',
          'Способ обработки',
          'Правовое основание',
        ],
        cells: [
          '{number}',
          '{title}',
          '{subjects}',
          '{data_category}',
          '{data_list}',
          '{retention}',
          '{processing}',
          '{legal_bases}',
        ],
        widths: [2, 8, 6, 5, 10, 8, 5, 10],
      },
      {
        kind: 'paragraph',
        text: 'Ответственный за организацию обработки персональных данных    __________ (подпись)    {responsible_name}',
      },
    ],
  },
  'access-list': {
    title:
      'Перечень лиц, доступ которых к персональным данным необходим для выполнения ими служебных (трудовых) обязанностей',
    landscape: true,
    pieces: [
      letterhead('{operator_id_label}'),
      {
        kind: 'paragraph',
        align: 'right',
        text: 'УТВЕРЖДАЮ: {approved_position}    __________ (подпись)    {approved_by}, {approved_at}',
      },
      {
        kind: 'heading',
        level: 1,
        text: 'Перечень лиц, доступ которых к персональным данным необходим для выполнения ими служебных (трудовых) обязанностей',
      },
      { kind: 'paragraph', text: 'Версия {list_version}', align: 'center' },
      {
        kind: 'table',
        loop: 'entries',
        header: [
          '№',
          'ФИО',
          'Должность',
          'Роль',
          'Цели обработки',
          'Действия с персональными данными',
          'Доступ с',
        ],
        cells: ['{n}', '{full_name}', '{position}', '{role}', '{purposes}', '{actions}', '{granted_from}'],
        widths: [2, 8, 6, 5, 11, 10, 4],
      },
    ],
  },
};

const kk: Record<PaperId, PaperContent> = {
  order: {
    title: 'Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлғаны тағайындау туралы бұйрық',
    landscape: false,
    pieces: [
      letterhead('{operator_id_label}'),
      { kind: 'heading', level: 1, text: 'БҰЙРЫҚ' },
      { kind: 'paragraph', text: '№ {order_number}    {order_date}', align: 'center' },
      { kind: 'paragraph', text: '{place}', align: 'center' },
      {
        kind: 'paragraph',
        bold: true,
        text: 'Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлғаны тағайындау туралы',
      },
      {
        kind: 'paragraph',
        text:
          '№ 94-V Заңның ({law}) 25-бабына сәйкес, дербес деректерді өңдеуді және ' +
          'қорғауды ұйымдастыру мақсатында БҰЙЫРАМЫН:',
      },
      {
        kind: 'paragraph',
        text:
          '1. {operator_name} дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға болып ' +
          'тағайындалсын: {responsible_name}, {responsible_position}. Өтініштерге арналған электрондық ' +
          'пошта: {responsible_email}.',
      },
      {
        kind: 'paragraph',
        text:
          '2. Жауапты тұлға: дербес деректер және оларды қорғау туралы заңнаманың сақталуына ішкі бақылауды ' +
          'жүзеге асырсын; қызметкерлерге оның ережелерін, Дербес деректерді өңдеу туралы ережені және Дербес ' +
          'деректер тізбесін жеткізсін; дербес деректер субъектілерінің немесе олардың заңды өкілдерінің ' +
          'өтініштерін қабылдау мен өңдеуді ұйымдастырсын.',
      },
      {
        kind: 'paragraph',
        text: '3. Дербес деректерді өңдеуге жіберілген қызметкерлер осы бұйрықпен таныстырылсын.',
      },
      { kind: 'paragraph', text: '4. Осы бұйрықтың орындалуын бақылауды өзіме қалдырамын.' },
      { kind: 'paragraph', text: '{head_position}    __________ (қолы)    {head_name}' },
      {
        kind: 'paragraph',
        text: 'Бұйрықпен таныстым: {responsible_name}    __________ (қолы)    {acquainted_date}',
      },
    ],
  },
  regulation: {
    title: 'Дербес деректерді өңдеу туралы ереже',
    landscape: false,
    pieces: [
      letterhead('{operator_id_label}'),
      {
        kind: 'paragraph',
        align: 'right',
        text: '{approval_date} № {approval_number} бұйрықпен БЕКІТІЛДІ',
      },
      { kind: 'heading', level: 1, text: 'Дербес деректерді өңдеу туралы ереже' },
      { kind: 'heading', level: 2, text: '1. Жалпы ережелер' },
      {
        kind: 'paragraph',
        text:
          '1.1. Осы Ереже {operator_name} ({operator_id_label} {operator_bin_iin}, {operator_address}; бұдан ' +
          'әрі — Оператор) дербес деректерді өңдеу тәртібі мен шарттарын және оларды қорғау шараларын ' +
          'айқындайды. Ереже дербес деректер туралы заңнамаға сәйкес қабылданды: {law}.',
      },
      {
        kind: 'paragraph',
        text: '1.2. Ереже дербес деректерді өңдеуге жіберілген Оператордың барлық қызметкерлері үшін міндетті.',
      },
      {
        kind: 'paragraph',
        text:
          '1.3. Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға (№ 94-V Заңның 25-бабы): ' +
          '{responsible_name}, {responsible_position}, {responsible_email}.',
      },
      { kind: 'heading', level: 2, text: '2. Өңдеу мақсаттары және дербес деректер құрамы' },
      {
        kind: 'paragraph',
        text:
          '2.1. Оператор дербес деректерді тек төмендегі мақсаттар үшін, көрсетілген құрамда және мерзімде ' +
          'өңдейді; құқықтық негіздер мен өңдеу тәсілі Дербес деректер тізбесінде көрсетілген.',
      },
      {
        kind: 'table',
        loop: 'purposes',
        header: ['№', 'Өңдеу мақсаты', 'Субъектілер санаттары', 'Деректер тізбесі', 'Сақтау мерзімі'],
        cells: ['{number}', '{title}', '{subjects}', '{data_list}', '{retention}'],
        widths: [1, 5, 4, 7, 5],
      },
      { kind: 'heading', level: 2, text: '3. Өңдеу тәртібі мен шарттары' },
      {
        kind: 'paragraph',
        text:
          '3.1. Өңдеу заңды және әділ жүргізіледі, тек өңдеу мақсаттарына қажетті көлемде; мақсатқа ' +
          'қатысты артық деректер жиналмайды.',
      },
      {
        kind: 'paragraph',
        text:
          '3.2. Дербес деректер бар базалар мына аумақта орналасқан: {storage_countries}. Ақпараттық ' +
          'жүйелер: {information_systems}.',
      },
      { kind: 'paragraph', text: '3.3. Трансшекаралық беру: {cross_border_rule}' },
      { kind: 'heading', level: 2, text: '4. Дербес деректерге қол жеткізу' },
      {
        kind: 'paragraph',
        text:
          '4.1. Дербес деректерге Оператордың басшысы бекіткен, қызметтік (еңбек) міндеттерін орындау үшін ' +
          'дербес деректерге қол жеткізуі қажет тұлғалар тізбесіне енгізілген тұлғалар ғана, тізбеде ' +
          'оларға көрсетілген мақсаттардың деректеріне ғана қол жеткізеді.',
      },
      { kind: 'heading', level: 2, text: '5. Дербес деректер субъектілерінің құқықтары' },
      {
        kind: 'paragraph',
        text:
          '5.1. Субъект Операторда өзінің дербес деректерінің бар екенін білуге, оларды алуға, өзгертуді, ' +
          'толықтыруды, бұғаттауды және жоюды талап етуге, келісімін кері қайтарып алуға құқылы. Өтініштер ' +
          '{privacy_email} электрондық поштасы және мына пошта мекенжайы бойынша қабылданады: {postal_address}.',
      },
      { kind: 'heading', level: 2, text: '6. Сақтау және жою' },
      {
        kind: 'paragraph',
        text:
          '6.1. Мақсатқа жеткенде немесе сақтау мерзімі өткенде дербес деректер жойылады. Электрондық ' +
          'деректер: {destruction_electronic} Қағаз жеткізгіштер: {destruction_paper} Жою туралы акт жасалады.',
      },
      { kind: 'heading', level: 2, text: '7. Қорытынды ережелер' },
      {
        kind: 'paragraph',
        text:
          '7.1. Ереже бекітілген күннен бастап күшіне енеді және дербес деректерді өңдеудің мақсаттары, құрамы ' +
          'немесе мерзімдері өзгерген кезде қайта қаралады.',
      },
      { kind: 'paragraph', text: '{head_position}    __________ (қолы)    {head_name}' },
    ],
  },
  'data-list': {
    title: 'Мақсаттар бойынша өңделетін дербес деректер тізбесі',
    landscape: true,
    pieces: [
      letterhead('{operator_id_label}'),
      {
        kind: 'paragraph',
        align: 'right',
        text: '{approval_date} № {approval_number} бұйрықпен БЕКІТІЛДІ',
      },
      { kind: 'heading', level: 1, text: 'Өңдеу мақсаттары бойынша өңделетін дербес деректер тізбесі' },
      {
        kind: 'table',
        loop: 'purposes',
        header: [
          '№',
          'Өңдеу мақсаты',
          'Субъектілер санаттары',
          'Деректер санаты',
          'Деректер тізбесі',
          'Сақтау мерзімі',
          'Өңдеу тәсілі',
          'Құқықтық негіз',
        ],
        cells: [
          '{number}',
          '{title}',
          '{subjects}',
          '{data_category}',
          '{data_list}',
          '{retention}',
          '{processing}',
          '{legal_bases}',
        ],
        widths: [2, 8, 6, 5, 10, 8, 5, 10],
      },
      {
        kind: 'paragraph',
        text: 'Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға    __________ (қолы)    {responsible_name}',
      },
    ],
  },
  'access-list': {
    title: 'Қызметтік (еңбек) міндеттерін орындау үшін дербес деректерге қол жеткізуі қажет тұлғалар тізбесі',
    landscape: true,
    pieces: [
      letterhead('{operator_id_label}'),
      {
        kind: 'paragraph',
        align: 'right',
        text: 'БЕКІТЕМІН: {approved_position}    __________ (қолы)    {approved_by}, {approved_at}',
      },
      {
        kind: 'heading',
        level: 1,
        text: 'Қызметтік (еңбек) міндеттерін орындау үшін дербес деректерге қол жеткізуі қажет тұлғалар тізбесі',
      },
      { kind: 'paragraph', text: 'Нұсқа {list_version}', align: 'center' },
      {
        kind: 'table',
        loop: 'entries',
        header: [
          '№',
          'ТАӘ',
          'Лауазымы',
          'Рөлі',
          'Өңдеу мақсаттары',
          'Дербес деректермен әрекеттер',
          'Қол жеткізу басталған күн',
        ],
        cells: ['{n}', '{full_name}', '{position}', '{role}', '{purposes}', '{actions}', '{granted_from}'],
        widths: [2, 8, 6, 5, 11, 10, 4],
      },
    ],
  },
};

export const paperContent: Record<PaperLang, Record<PaperId, PaperContent>> = { ru, kk };

/** Every {tag} a piece names, top-level and inside its table's loop. */
export function contentTags(content: PaperContent): {
  scalars: Set<string>;
  loops: Map<string, Set<string>>;
} {
  const scalars = new Set<string>();
  const loops = new Map<string, Set<string>>();
  const tagsOf = (text: string) => [...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] as string);
  for (const piece of content.pieces) {
    if (piece.kind === 'table') {
      const inner = loops.get(piece.loop) ?? new Set<string>();
      for (const cell of piece.cells) for (const tag of tagsOf(cell)) inner.add(tag);
      loops.set(piece.loop, inner);
    } else {
      const texts = piece.kind === 'letterhead' ? piece.lines : [piece.text];
      for (const text of texts) for (const tag of tagsOf(text)) scalars.add(tag);
    }
  }
  return { scalars, loops };
}
