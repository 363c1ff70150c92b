// React 19 with the JSX types from ep-widgets/react-jsx: what compiles, and (@ts-expect-error) what must not.
import type {} from 'ep-widgets/react-jsx';
import { EpSuccessEvent, type EpErrorEvent } from 'ep-widgets';

export function Page() {
  const onSuccess = (event: EpSuccessEvent) => console.log(event.detail.response);
  const onError = (event: EpErrorEvent) => console.log(event.detail.outcome);
  return (
    <>
      <ep-page-poll endpoint="/ep" show-tally onep-success={onSuccess} onep-error={onError}></ep-page-poll>
      <ep-feedback contact="required" service="licences"></ep-feedback>
      <ep-idea-box sort="newest" view="list" contact="hidden"></ep-idea-box>
      <ep-consultation-card consultation-id="street-lighting" layout="compact"></ep-consultation-card>
      <ep-lab-invite mode="leave" heading-level={3}></ep-lab-invite>
      {/* @ts-expect-error a typo in an enumerated attribute */}
      <ep-idea-box sort="newst"></ep-idea-box>
      {/* @ts-expect-error a typo in an enumerated attribute */}
      <ep-feedback contact="requird"></ep-feedback>
      {/* @ts-expect-error an attribute the element does not have */}
      <ep-page-poll endpoit="/ep"></ep-page-poll>
      {/* @ts-expect-error a typo in an enumerated attribute */}
      <ep-lab-invite mode="leav"></ep-lab-invite>
      {/* @ts-expect-error a handler for another event's class */}
      <ep-page-poll onep-error={onSuccess}></ep-page-poll>
      {/* @ts-expect-error a typo in a property's name (a dashed name is not checked: see docs/frameworks.md) */}
      <ep-feedback minFillTim={0}></ep-feedback>
      <ep-feedback minFillTime={0}></ep-feedback>
    </>
  );
}
