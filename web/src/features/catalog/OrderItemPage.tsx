/** Order one catalog item: its description, its form, and what happens after ordering. */
import { Alert, Button, Grid, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useCatalogItem, useOrderRequest } from '../../api/queries/requests.ts';
import { ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { DialogActions } from '../../kit/form/DialogActions.tsx';
import { ProblemAlert } from '../../kit/form/ProblemAlert.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { BackCrumbs } from '../../kit/nav/BackCrumbs.tsx';
import { ProseOrNone, RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useRequestPaths } from '../requests/paths.ts';
import { DynamicForm } from './DynamicForm.tsx';
import { answersToSend, checkDraft, type Draft, serverProblems, shownFields } from './formAnswers.ts';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function OrderItemPage() {
  const { itemId = '' } = useParams();
  const paths = useRequestPaths();
  const navigate = useNavigate();
  const item = useCatalogItem(itemId);
  const order = useOrderRequest();
  const [draft, setDraft] = useState<Draft>({});
  const [tried, setTried] = useState(false);
  useDocumentTitle(item.data ? `Order ${item.data.name}` : 'Order');

  if (item.isPending) return <PageLoader label="Loading the item" />;
  if (item.isError) {
    if (item.error instanceof ApiError && item.error.isNotFound)
      return (
        <Stack align="flex-start">
          <Title order={1} size="h2">
            This item is not available
          </Title>
          <Text c="dimmed">It may have been withdrawn from the catalog.</Text>
          <Button component={Link} to={paths.catalog} variant="light">
            Back to the catalog
          </Button>
        </Stack>
      );
    return <ErrorState error={item.error} onRetry={() => item.refetch()} />;
  }
  const it = item.data;
  const fields = it.form;
  const shown = shownFields(fields, draft);
  const local = tried ? checkDraft(fields, draft) : {};
  const server = serverProblems(fields, order.error);
  // A field's own mistake first; the server's word stands until the field is edited.
  const errors = { ...server.byField, ...local };
  const problems = Object.entries(errors).filter(([k]) => shown.has(k));

  const submit = () => {
    setTried(true);
    if (Object.keys(checkDraft(fields, draft)).length > 0) return;
    order.mutate(
      { catalogItemId: it.id, answers: answersToSend(fields, draft) },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'teal',
            title: `Thank you, we received ${r.number}`,
            message: 'Follow its progress on the request page.',
          });
          navigate(paths.request(r.number));
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <BackCrumbs to={paths.catalog} label="Service catalog" here={it.service.name} />
      <Stack gap={4}>
        <Title order={1} size="h2">
          {it.name}
        </Title>
        <Text c="dimmed" size="sm">
          Offered under {it.service.name}
          {it.category ? ` · ${it.category}` : ''}
        </Text>
      </Stack>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper p="lg">
            <SubmitForm aria-label={`Order ${it.name}`} onSubmit={submit}>
              <Stack>
                {tried && problems.length > 0 && (
                  <ProblemAlert title="Some answers need attention">
                    <List size="sm">
                      {problems.map(([k, m]) => (
                        <List.Item key={k}>{m}</List.Item>
                      ))}
                    </List>
                  </ProblemAlert>
                )}
                {server.other.length > 0 ? (
                  <Alert color="red" title="We could not place this order" role="alert">
                    {server.other.map((m) => (
                      <Text size="sm" key={m}>
                        {capitalize(m)}
                      </Text>
                    ))}
                  </Alert>
                ) : Object.keys(server.byField).length === 0 ? (
                  <ErrorAlert error={order.error} title="We could not place this order" />
                ) : null}
                {fields.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    This item needs no details: just order it.
                  </Text>
                ) : (
                  <DynamicForm
                    fields={fields}
                    shown={shown}
                    draft={draft}
                    errors={errors}
                    onChange={(key, value) => {
                      setDraft((d) => ({ ...d, [key]: value }));
                      if (order.error) order.reset();
                    }}
                  />
                )}
                <DialogActions
                  onCancel={() => navigate(paths.catalog)}
                  submitLabel="Order"
                  pending={order.isPending}
                />
              </Stack>
            </SubmitForm>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <RecordPanel id="about-item" title="About this item">
            <ProseOrNone text={it.description} none="No description." />
            <Text size="sm" mt="sm">
              {it.requiresApproval
                ? 'Your order needs approval first; you can follow each decision on the request page.'
                : 'No approval needed: work starts as soon as you order.'}
            </Text>
          </RecordPanel>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
