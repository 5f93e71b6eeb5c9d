import type { Metadata } from "next";
import { Suspense } from "react";
import { ConsentForm } from "@/features/connected-apps/components/consent-form";

export const metadata: Metadata = { title: "Connect an app" };

export default function ConsentPage() {
  return (
    <Suspense>
      <ConsentForm />
    </Suspense>
  );
}
