// The @lit/react components of ep-widgets/react (for React 18 and older): props and typed event props.
import { Feedback, IdeaBox, PagePoll } from 'ep-widgets/react';
import type { EpSuccessEvent } from 'ep-widgets';

export function Page() {
  const onSuccess = (event: EpSuccessEvent) => console.log(event.detail.response);
  return (
    <>
      <PagePoll endpoint="/ep" showTally onEpSuccess={onSuccess} />
      <Feedback contact="optional" />
      {/* @ts-expect-error a typo in an enumerated property */}
      <IdeaBox view="lists" />
      {/* @ts-expect-error a property the element does not have */}
      <PagePoll showTaly />
    </>
  );
}
