// React 19 passes props to custom elements as properties and listens to their events itself; the shipped
// JSX types (ep-widgets/react-jsx) type every attribute and the onep-* handlers with the events' classes.
import { useState } from 'react';
import type {} from 'ep-widgets/react-jsx';
import type { EpSuccessEvent } from 'ep-widgets';
import 'ep-widgets/ep-page-poll.js';

export function App() {
  const [status, setStatus] = useState('No answer yet.');
  const onSuccess = (event: EpSuccessEvent) =>
    setStatus(`React handler: the collector accepted a ${event.detail.envelope.kind}.`);
  return (
    <main>
      <h1>Renew a licence</h1>
      <p>Everything you need to renew your licence online.</p>
      <ep-page-poll endpoint="/ep-dev/example-react" heading-level={2} onep-success={onSuccess} />
      <p id="status" role="status">
        {status}
      </p>
    </main>
  );
}
