// What a data subject receives when they ask the privacy centre for a code to manage their consents.
import type { Lang } from '../register/register.retention.js';

const words = {
  ru: {
    subject: 'Код для входа в центр конфиденциальности',
    text: (code: string, minutes: number, operator: string) =>
      `Ваш код для просмотра и отзыва согласий на обработку персональных данных: ${code}\n` +
      `Код действует ${minutes} минут. Если вы его не запрашивали, просто проигнорируйте это сообщение.\n\n${operator}`,
    sms: (code: string, operator: string) => `${operator}: код центра конфиденциальности ${code}`,
  },
  kk: {
    subject: 'Құпиялылық орталығына кіру коды',
    text: (code: string, minutes: number, operator: string) =>
      `Дербес деректерді өңдеуге келісімдерді қарау және кері қайтарып алу үшін кодыңыз: ${code}\n` +
      `Код ${minutes} минут жарамды. Егер сіз оны сұрамаған болсаңыз, бұл хабарламаны елемеңіз.\n\n${operator}`,
    sms: (code: string, operator: string) => `${operator}: құпиялылық орталығының коды ${code}`,
  },
  en: {
    subject: 'Your privacy centre code',
    text: (code: string, minutes: number, operator: string) =>
      `Your code to view and withdraw your consents to the processing of personal data: ${code}\n` +
      `The code is valid for ${minutes} minutes. If you did not ask for it, please ignore this message.\n\n${operator}`,
    sms: (code: string, operator: string) => `${operator}: privacy centre code ${code}`,
  },
} satisfies Record<Lang, unknown>;

export function subjectCodeMail(lang: Lang, code: string, minutes: number, operator: string) {
  const w = words[lang];
  return { subject: w.subject, text: w.text(code, minutes, operator) };
}

export function subjectCodeSms(lang: Lang, code: string, operator: string) {
  return words[lang].sms(code, operator);
}
