"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button size="sm" onClick={() => signOut({ callbackUrl: "/login" })} className="mt-3">
      Sign out
    </Button>
  );
}
