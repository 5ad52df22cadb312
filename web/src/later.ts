// What the first view does not need, loaded on demand by main.ts (its own chunk): the guided views (timeline,
// straits tour), the embed code and the analyst tools. main.ts loads it when the reader opens one of them, when
// the link asks for one (`#step=…`, `#tour=straits`, `#compare=…`), and otherwise once the map is first idle and
// the browser has time, so that opening them later is instant.
export { EmbedDialog } from './embed-dialog';
export { imageUrl } from './embed-code';
export { StraitsTourPanel, linkedStopState } from './straits-tour';
export { TimelinePanel, linkedStepState } from './timeline';
export { Tools } from './tools';
