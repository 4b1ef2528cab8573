export { ConversationViewer } from './conversation-viewer';
export {
  conversationMessagesOptions,
  conversationSummaryOptions,
  rowSummaryOptions,
} from './viewer-queries';
