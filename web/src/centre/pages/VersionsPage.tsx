// The policy's versions. The server publishes each at /policy/{version}; the one in force is read from /policy.
import { Anchor, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { formatDate, type Lang, languages, useI18n } from '../../shared/i18n.js';
import { centreApi } from '../contract.js';
import type { CentreKey } from '../messages.js';
import { BackHome, Loading, policyHref } from './common.js';

const languageNames: Record<Lang, string> = { ru: 'Русский', kk: 'Қазақша', en: 'English' };

export function VersionsPage() {
  const { t, lang } = useI18n<CentreKey>();
  const [current, setCurrent] = useState<string | null | undefined>(undefined);
  const [earlier, setEarlier] = useState<{ id: string; publishedOn: string }[]>([]);
  const [wanted, setWanted] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    centreApi.currentPolicyVersion().then(setCurrent, () => setCurrent(null));
    centreApi.policyVersions().then(
      ({ versions }) => setEarlier(versions.slice(0, -1).reverse()),
      () => setEarlier([]),
    );
  }, []);
  function open(event: FormEvent) {
    event.preventDefault();
    const id = wanted.trim();
    if (!/^[\w.-]{1,200}$/.test(id)) {
      setError(t('versionIdInvalid'));
      return;
    }
    window.location.assign(policyHref(lang, false, id));
  }
  return (
    <Stack gap="lg">
      <BackHome />
      <Title order={1}>{t('versionsTitle')}</Title>
      {current === undefined ? <Loading /> : null}
      {current === null ? <Text>{t('policyNone')}</Text> : null}
      {current ? (
        <>
          <Text>{t('versionsIntro', { version: current })}</Text>
          <List>
            {languages.map((l) => (
              <List.Item key={l}>
                <Anchor href={policyHref(l, false, current)} lang={l}>
                  {current} — {languageNames[l]}
                </Anchor>{' '}
                (
                <Anchor href={policyHref(l, true, current)} lang={l}>
                  PDF
                </Anchor>
                )
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {earlier.length > 0 ? (
        <>
          <Title order={2}>{t('versionsEarlier')}</Title>
          <List>
            {earlier.map((version) => (
              <List.Item key={version.id}>
                <Anchor href={policyHref(lang, false, version.id)}>{version.id}</Anchor> (
                <Anchor href={policyHref(lang, true, version.id)}>PDF</Anchor>),{' '}
                {t('versionPublishedOn', { date: formatDate(version.publishedOn, lang) })}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      <form onSubmit={open}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('versionId')}
            value={wanted}
            onChange={(event) => {
              setWanted(event.currentTarget.value);
              setError('');
            }}
            error={error || undefined}
          />
          <Button type="submit" variant="outline">
            {t('versionOpen')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
