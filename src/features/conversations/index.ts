export { ConversationList } from './conversation-list';
export { useIsSelectedRow, useOpenRow } from './use-open-row';
