// The people of a project who have accounts (leader, members with accounts, coach, mentor): who
// may own a milestone. Pure, so the milestone form and the server offer and accept the same list.

type Person = { id: string; name: string };

export function peopleWithAccounts(project: {
  leader: Person | null;
  coach: Person | null;
  mentor: Person | null;
  members: { userId: string | null; name: string }[];
}): Person[] {
  const people = new Map<string, Person>();
  const add = (person: Person | null) => {
    if (person && !people.has(person.id)) people.set(person.id, { id: person.id, name: person.name });
  };
  add(project.leader);
  for (const member of project.members) add(member.userId ? { id: member.userId, name: member.name } : null);
  add(project.coach);
  add(project.mentor);
  return [...people.values()];
}
