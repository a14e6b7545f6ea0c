/** How domain code reports progress. Every message is neutralized by the implementation. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}
