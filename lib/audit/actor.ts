// Who makes a change, as the library functions that audit themselves take it: the signed-in user
// (web) or nobody in particular (the CLI runs with database access, not as a user). `via` goes
// into every entry's details, so the same action from the web and from the CLI reads the same
// apart from it.
export interface Actor {
  userId: number | null;
  via: "web" | "cli";
}

export const webActor = (user: { id: number }): Actor => ({ userId: user.id, via: "web" });
export const CLI_ACTOR: Actor = { userId: null, via: "cli" };
