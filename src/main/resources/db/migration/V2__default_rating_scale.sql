-- The desk's default rating scale: five ordered ratings plus off-scale ones that carry no number.
INSERT INTO rating_scale (name, active, created_at) VALUES ('Factdesk five-point', true, now());

INSERT INTO rating (scale_id, position, label, definition, value)
SELECT s.id, r.position, r.label, r.definition, r.value
FROM rating_scale s,
     (VALUES
        (1, 'True',          'The claim is accurate and nothing significant is missing.', 5),
        (2, 'Mostly true',   'The claim is accurate but needs clarification or additional information.', 4),
        (3, 'Mixed',         'The claim is partly accurate and partly inaccurate, or leaves out important details.', 3),
        (4, 'Mostly false',  'The claim contains an element of truth but ignores facts that would give a different impression.', 2),
        (5, 'False',         'The claim is not accurate.', 1),
        (6, 'Unproven',      'The available evidence neither confirms nor refutes the claim.', NULL),
        (7, 'Satire',        'The content is satire and was not meant to be read as fact.', NULL)
     ) AS r(position, label, definition, value)
WHERE s.name = 'Factdesk five-point';
