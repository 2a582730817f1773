import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { linkClick } from '../../shared/router.js';
import { type Branding, centreApi, centreRequestTypes } from '../contract.js';
import type { CentreKey } from '../messages.js';
import { policyHref } from './common.js';

export function HomePage({ branding }: { branding: Branding | null }) {
  const { t, lang } = useI18n<CentreKey>();
  const [version, setVersion] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    centreApi.currentPolicyVersion().then(setVersion, () => setVersion(null));
  }, []);
  const operator = branding?.operatorName[lang];
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{operator ? `${t('title')}: ${operator}` : t('title')}</Title>
        <Text mt="sm">{t('intro')}</Text>
      </div>

      <section aria-labelledby="policy-heading">
        <Title order={2} id="policy-heading" size="h3">
          {t('policyTitle')}
        </Title>
        {version === null ? (
          <Text mt="xs">{t('policyNone')}</Text>
        ) : (
          <>
            {version ? <Text mt="xs">{t('policyCurrent', { version })}</Text> : null}
            <Group mt="sm" gap="sm">
              <Button component="a" href={policyHref(lang)}>
                {t('policyRead')}
              </Button>
              <Button component="a" variant="outline" href={policyHref(lang, true)}>
                {t('policyPdf')}
              </Button>
              <Anchor href="/policy-versions" onClick={linkClick}>
                {t('policyVersions')}
              </Anchor>
            </Group>
          </>
        )}
      </section>

      <section aria-labelledby="requests-heading">
        <Title order={2} id="requests-heading" size="h3">
          {t('requestsTitle')}
        </Title>
        <Text mt="xs">{t('requestsIntro')}</Text>
        <SimpleGrid mt="md" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" component="ul" className="cards">
          {centreRequestTypes.map((type) => (
            <Card key={type} withBorder radius="md" padding="md" component="li">
              <Title order={3} size="h5">
                {t(`type_${type}`)}
              </Title>
              <Text size="sm" mt="xs" style={{ flexGrow: 1 }}>
                {t(`desc_${type}`)}
              </Text>
              <Anchor
                mt="sm"
                fw={600}
                href={`/requests/new/${type}`}
                onClick={linkClick}
                aria-label={`${t('fileRequest')}: ${t(`type_${type}`)}`}
              >
                {t('fileRequest')} →
              </Anchor>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="consents-heading">
        <Title order={2} id="consents-heading" size="h3">
          {t('consentsTitle')}
        </Title>
        <Text mt="xs">{t('consentsIntro')}</Text>
        <Button mt="sm" component="a" href="/consents" onClick={linkClick} variant="outline">
          {t('consentsOpen')}
        </Button>
      </section>
    </Stack>
  );
}
