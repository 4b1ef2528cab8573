export { HelpDialog } from './help-dialog';
export { WelcomeBanner } from './welcome-banner';
