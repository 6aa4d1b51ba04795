import { ActionIcon, Box, Button, Group, Paper, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { isConditionGroup, MAX_GROUP_DEPTH, type ConditionNode, type Match } from '../../../shared/conditions';
import { moveNode, newCondition, newGroup, removeAt, replaceAt } from './conditionTree';
import { ConditionRow } from './ConditionRow';
import { errorAt, useGoalEditor } from './goalEditorContext';

interface GroupEditorProps {
  match: Match;
  conditions: readonly ConditionNode[];
  onChange(match: Match, conditions: ConditionNode[]): void;
  /** Words for screen readers and buttons: "Goal", "Exclusion"… */
  label: string;
  /** Path of the list in the config, for matching refusals to rows: `goal.conditions`. */
  path: string;
  depth?: number;
  /** When false the all/any switch is hidden (exclusions always drop on any match). */
  showMatch?: boolean;
  emptyText?: string;
  /** What an empty nested group says: what it matches. */
  emptyGroupText?: string;
}

/**
 * A list of conditions and nested groups: all/any, add condition, add group, delete, reorder by dragging the handle
 * or from the keyboard (the move buttons, or Alt+Arrow keys on a row).
 */
export function ConditionGroupEditor({ match, conditions, onChange, label, path, depth = 0, showMatch = true, emptyText = 'No conditions: any event matches.', emptyGroupText = 'Empty group: it matches every event.' }: GroupEditorProps) {
  const editor = useGoalEditor();
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const setList = (next: ConditionNode[]) => onChange(match, next);
  const container = useRef<HTMLDivElement>(null);
  // After a move, focus follows the moved row: the same control, now labelled with the row's new position.
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  useEffect(() => {
    if (!focusAfterMove || !container.current) return;
    const target = [...container.current.querySelectorAll<HTMLElement>('[aria-label]')].find((element) => element.getAttribute('aria-label') === focusAfterMove);
    if (target && !target.hasAttribute('disabled')) target.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);
  const rowLabelOf = (index: number) => `${label} condition ${index + 1}`;
  const move = (from: number, to: number, origin?: Element | null) => {
    const target = Math.max(0, Math.min(conditions.length - 1, to));
    if (target === from) return;
    setList(moveNode(conditions, from, target));
    const originLabel = origin?.getAttribute('aria-label');
    if (originLabel?.includes(rowLabelOf(from))) {
      const moved = originLabel.replace(rowLabelOf(from), rowLabelOf(target));
      // A move button that ends disabled at the edge hands focus to its twin.
      const atEdge = (moved.endsWith(' up') && target === 0) || (moved.endsWith(' down') && target === conditions.length - 1);
      setFocusAfterMove(atEdge ? moved.replace(/ (up|down)$/, (_, way: string) => (way === 'up' ? ' down' : ' up')) : moved);
    }
  };

  const onRowKeyDown = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    event.stopPropagation();
    move(index, index + (event.key === 'ArrowUp' ? -1 : 1), document.activeElement);
  };
  const onDrop = (index: number) => (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    if (dragFrom !== null) move(dragFrom, index);
    setDragFrom(null);
    setDropAt(null);
  };

  return (
    <Stack gap="xs" data-testid="condition-group" data-path={path} ref={container}>
      {showMatch ? (
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={`${label}: match all or any`}
            value={match}
            onChange={(next) => onChange(next === 'any' ? 'any' : 'all', [...conditions])}
            data={[
              { value: 'all', label: 'All of' },
              { value: 'any', label: 'Any of' },
            ]}
          />
          <Text size="sm" c="dimmed">
            these conditions
          </Text>
        </Group>
      ) : null}
      {conditions.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {emptyText}
        </Text>
      ) : null}
      {conditions.map((node, index) => {
        const rowLabel = rowLabelOf(index);
        const rowPath = `${path}.${index}`;
        const error = isConditionGroup(node) ? null : errorAt(editor, rowPath);
        return (
          <Paper
            key={index}
            withBorder
            p="xs"
            radius="sm"
            role="group"
            aria-label={isConditionGroup(node) ? `${label} group ${index + 1}` : rowLabel}
            onKeyDown={onRowKeyDown(index)}
            onDragOver={(event) => {
              if (dragFrom === null) return;
              event.preventDefault();
              setDropAt(index);
            }}
            onDragLeave={() => setDropAt((current) => (current === index ? null : current))}
            onDrop={onDrop(index)}
            style={{
              borderColor: error ? 'var(--mantine-color-red-6)' : dropAt === index && dragFrom !== index ? 'var(--mantine-color-blue-6)' : undefined,
              opacity: dragFrom === index ? 0.5 : 1,
            }}
            data-testid="condition-node"
          >
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <Box
                draggable
                onDragStart={(event: DragEvent<HTMLDivElement>) => {
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', String(index));
                  setDragFrom(index);
                }}
                onDragEnd={() => {
                  setDragFrom(null);
                  setDropAt(null);
                }}
                style={{ cursor: 'grab', userSelect: 'none', paddingTop: 6 }}
                aria-hidden
                title="Drag to reorder"
                data-testid="drag-handle"
              >
                ⠿
              </Box>
              <Box style={{ flex: 1, minWidth: 0 }}>
                {isConditionGroup(node) ? (
                  <ConditionGroupEditor
                    match={node.match}
                    conditions={node.conditions}
                    onChange={(nextMatch, nextConditions) => setList(replaceAt(conditions, index, { match: nextMatch, conditions: nextConditions }))}
                    label={`${label} group ${index + 1},`}
                    path={`${rowPath}.conditions`}
                    depth={depth + 1}
                    emptyText={emptyGroupText}
                    emptyGroupText={emptyGroupText}
                  />
                ) : (
                  <ConditionRow condition={node} label={rowLabel} onChange={(next) => setList(replaceAt(conditions, index, next))} />
                )}
                {error ? (
                  <Text size="sm" c="red" role="alert" mt={4}>
                    {error}
                  </Text>
                ) : null}
              </Box>
              <Group gap={2} wrap="nowrap">
                <Tooltip label="Move up">
                  <ActionIcon variant="subtle" aria-label={`Move ${rowLabel} up`} disabled={index === 0} onClick={(event) => move(index, index - 1, event.currentTarget)}>
                    ↑
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Move down">
                  <ActionIcon variant="subtle" aria-label={`Move ${rowLabel} down`} disabled={index === conditions.length - 1} onClick={(event) => move(index, index + 1, event.currentTarget)}>
                    ↓
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Delete">
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete ${rowLabel}`} onClick={() => setList(removeAt(conditions, index))} data-testid="delete-condition">
                    ✕
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
          </Paper>
        );
      })}
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          onClick={() => setList([...conditions, newCondition(editor.fields)])}
          disabled={editor.fields.length === 0}
          aria-label={`Add condition to ${label.replace(/,$/, '')}`}
          data-testid="add-condition"
        >
          Add condition
        </Button>
        {depth < MAX_GROUP_DEPTH - 1 ? (
          <Button size="xs" variant="subtle" onClick={() => setList([...conditions, newGroup()])} aria-label={`Add group to ${label.replace(/,$/, '')}`} data-testid="add-group">
            Add group
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
