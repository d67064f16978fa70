import { useLoaderData } from "@remix-run/react";
import { prisma } from "~/db.server";

export async function loader() {
  return { regions: await prisma.region.count() };
}

export default function Index() {
  const { regions } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Lintas</h1>
      <p>{regions} wilayah</p>
    </main>
  );
}
