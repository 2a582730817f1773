// Small pieces the centre's pages share.
import { Alert, Anchor, Loader } from '@mantine/core';
import { useI18n } from '../../shared/i18n.js';
import { linkClick } from '../../shared/router.js';
import type { CentreKey } from '../messages.js';

export function Failure({ error }: { error: unknown }) {
  const { t } = useI18n<CentreKey>();
  if (!error) return null;
  return (
    <Alert color="red.9" title={t('errorTitle')} role="alert">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}

export function Loading() {
  const { t } = useI18n<CentreKey>();
  return <Loader size="sm" aria-label={t('loading')} />;
}

export function BackHome() {
  const { t } = useI18n<CentreKey>();
  return (
    <Anchor href="/" onClick={linkClick}>
      ← {t('back')}
    </Anchor>
  );
}

/** The query string's lang for the server's policy pages. */
export const policyHref = (lang: string, pdf = false, version?: string) =>
  `${version ? `/policy/${encodeURIComponent(version)}` : '/policy'}?lang=${lang}${pdf ? '&format=pdf' : ''}`;

export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
