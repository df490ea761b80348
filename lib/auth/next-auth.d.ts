import "next-auth";

declare module "next-auth" {
  interface Session {
    user?: {
      id?: number;
      role?: string;
      sessionVersion?: number;
      name?: string | null; email?: string | null; image?: string | null };
  }
  interface User {
    role?: string;
    sessionVersion?: number;
  }
}
