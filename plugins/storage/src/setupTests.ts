import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy… and waitFor give up after 1 s by default: on a loaded two-core
// machine a page's first render with its lazy parts can take longer. The
// wait ends as soon as the element is there, so this costs passing runs
// nothing.
configure({ asyncUtilTimeout: 10_000 });
